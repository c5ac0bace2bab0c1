/** Indicator output: the shared indicator contract, filled from the sources a service configures. */
@NullMarked
package io.cityfin.reporting.indicator;

import org.jspecify.annotations.NullMarked;
