/**
 * The city's regions as reference data for readers ({@code GET /api/v1/regions}): common's {@code Region}, served
 * so that the office page lists the counties from it instead of keeping its own copy.
 */
@NullMarked
package io.cityfin.gateway.region;

import org.jspecify.annotations.NullMarked;
