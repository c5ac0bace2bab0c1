/**
 * Insurance funds invested in the city (险资入抚, data-standard.md): investments as versioned records on the reporting
 * machinery's {@code record} feature, their refusal rules, the indicators INSURANCE_FUNDS_INVESTED_YTD and _TOTAL, and
 * the demo investments; {@code web}: {@code /investments}.
 */
@NullMarked
package io.cityfin.insurance.investment;

import org.jspecify.annotations.NullMarked;
