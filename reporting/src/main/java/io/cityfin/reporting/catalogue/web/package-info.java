/** HTTP adapter of {@code GET /catalogue}. */
@NullMarked
package io.cityfin.reporting.catalogue.web;

import org.jspecify.annotations.NullMarked;
