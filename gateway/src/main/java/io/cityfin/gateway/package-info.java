/** The gateway: routes callers to the five services and serves the consolidated indicator endpoint. */
@NullMarked
package io.cityfin.gateway;

import org.jspecify.annotations.NullMarked;
