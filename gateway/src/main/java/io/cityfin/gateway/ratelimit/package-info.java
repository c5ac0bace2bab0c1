/**
 * Rate limits: token buckets by name and id ({@link io.cityfin.gateway.ratelimit.RateLimiter}), kept in this gateway's
 * memory or, with several replicas, in a store they share.
 */
@NullMarked
package io.cityfin.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
