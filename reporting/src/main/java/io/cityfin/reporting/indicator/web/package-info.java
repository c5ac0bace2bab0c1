/** HTTP adapter of the indicator contract's {@code GET /indicators}. */
@NullMarked
package io.cityfin.reporting.indicator.web;

import org.jspecify.annotations.NullMarked;
