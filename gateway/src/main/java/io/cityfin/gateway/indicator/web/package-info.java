/** HTTP adapter of {@code GET /api/v1/indicators}. */
@NullMarked
package io.cityfin.gateway.indicator.web;

import org.jspecify.annotations.NullMarked;
