/** API keys in {@code cityfin_gateway.api_key}: hashes only, never a key. */
@NullMarked
package io.cityfin.gateway.identity.persistence;

import org.jspecify.annotations.NullMarked;
