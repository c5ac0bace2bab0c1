/**
 * The NPL watch (data-standard-2.md, "NPL watch"): alert rules on credit-service's published NPL_RATIO, read through
 * the gateway with risk-service's own key; nothing recomputed or republished.
 */
@NullMarked
package io.cityfin.risk.npl;

import org.jspecify.annotations.NullMarked;
