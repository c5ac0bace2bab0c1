/** Who calls: API keys (issued, hashed, revoked), the callers they stand for, and the internal token minted for each call. */
@NullMarked
package io.cityfin.gateway.identity;

import org.jspecify.annotations.NullMarked;
