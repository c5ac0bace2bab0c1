/** The gateway's typed settings. */
@NullMarked
package io.cityfin.gateway.config;

import org.jspecify.annotations.NullMarked;
