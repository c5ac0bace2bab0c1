/** {@code GET /api/v1/regions}: common's {@code Region} as the gateway contract's {@code Region} list, with cache headers. */
@NullMarked
package io.cityfin.gateway.region.web;

import org.jspecify.annotations.NullMarked;
