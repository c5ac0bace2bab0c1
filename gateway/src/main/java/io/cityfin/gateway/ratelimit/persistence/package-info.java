/**
 * The rate limits' shared store: Spring Cloud Gateway's Redis token bucket, one every gateway replica uses
 * ({@code cityfin.gateway.rate-limit.store=redis}).
 */
@NullMarked
package io.cityfin.gateway.ratelimit.persistence;

import org.jspecify.annotations.NullMarked;
