/** HTTP side of identity: the security chain (API keys, roles, rate limits), token relay, and the admin key endpoints. */
@NullMarked
package io.cityfin.gateway.identity.web;

import org.jspecify.annotations.NullMarked;
