/**
 * Illegal-fundraising and lending leads and cases (data-standard-2.md, "Illegal fundraising: leads and cases"):
 * versioned records with the status table, legacy cases, no personal data, their indicators (city-wide only for
 * SUBMITTER and PORTAL) and the IFR_LEAD_SCALE and IFR_LEAD_STALE alert rules; {@code web}: {@code /leads}.
 */
@NullMarked
package io.cityfin.risk.lead;

import org.jspecify.annotations.NullMarked;
