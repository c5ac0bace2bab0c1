/**
 * Repayment plans of private-lending institutions being wound down (data-standard-2.md, "Guarantee-industry,
 * bridge-fund and private-lending reports"): versioned records by institution code, their refusals,
 * PRIVATE_LENDING_REPAID_CUM and _PCT, and the REPAYMENT_INSTALMENT_LATE alert rule; {@code web}: {@code /repayment-plans}.
 */
@NullMarked
package io.cityfin.risk.plan;

import org.jspecify.annotations.NullMarked;
