/** The services' published figures, asked with a token minted from the caller. */
@NullMarked
package io.cityfin.gateway.bulletin.client;

import org.jspecify.annotations.NullMarked;
