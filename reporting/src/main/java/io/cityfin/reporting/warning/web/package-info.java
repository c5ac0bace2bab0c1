/** HTTP adapter of the review list: {@code GET /warnings?period=&reviewed=}, {@code POST /warnings/{id}/review}. */
@NullMarked
package io.cityfin.reporting.warning.web;

import org.jspecify.annotations.NullMarked;
