/**
 * Platform financing (data-standard-2.md, "Platform financing"): platforms' non-market financing as versioned records on
 * the reporting machinery, their rules, the platform's own key as writer, and PLATFORM_NON_MARKET_FINANCING_YTD;
 * {@code web}: {@code /platform-financing}.
 */
@NullMarked
package io.cityfin.platform.financing;

import org.jspecify.annotations.NullMarked;
