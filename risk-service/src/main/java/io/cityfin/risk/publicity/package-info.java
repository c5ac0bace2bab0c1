/**
 * Anti-illegal-fundraising publicity (data-standard-2.md, "Illegal fundraising: leads and cases", 七进): events, SMS
 * batches and media as versioned records, their refusals and the AIF_ publicity indicators; {@code web}: {@code /publicity}.
 */
@NullMarked
package io.cityfin.risk.publicity;

import org.jspecify.annotations.NullMarked;
