/** The 503 problem a route answers with when its service is down or its circuit breaker is open. */
@NullMarked
package io.cityfin.gateway.fallback.web;

import org.jspecify.annotations.NullMarked;
