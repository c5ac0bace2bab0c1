/** The item catalogue a service configures: what institutions may report, with names, units and kinds. */
@NullMarked
package io.cityfin.reporting.catalogue;

import org.jspecify.annotations.NullMarked;
