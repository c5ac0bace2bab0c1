/**
 * Platform figures that draw on other services' published indicators: PLATFORM_DIRECT_FINANCING_YTD (capital-market's
 * DF_PLATFORM_YTD, read through the gateway) and PLATFORM_FINANCING_YTD (it and the non-market financing; {@code null}
 * if either is).
 */
@NullMarked
package io.cityfin.platform.published;

import org.jspecify.annotations.NullMarked;
