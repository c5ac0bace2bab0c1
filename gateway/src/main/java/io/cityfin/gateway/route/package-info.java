/** What the routes to the five services add to Spring Cloud Gateway's own filters: a retry of reads that never connected. */
@NullMarked
package io.cityfin.gateway.route;

import org.jspecify.annotations.NullMarked;
