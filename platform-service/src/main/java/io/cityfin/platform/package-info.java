/** platform-service: government financing platforms: registry by level, status, credit-rating history and non-market financing; platform indicators. */
@NullMarked
package io.cityfin.platform;

import org.jspecify.annotations.NullMarked;
