/**
 * Direct-financing issues (data-standard-2.md, "Direct-financing issues") as versioned records on the reporting
 * machinery: their rules, the lead underwriter's access and the demo issues; {@code web}: {@code /direct-financing}.
 */
@NullMarked
package io.cityfin.capitalmarket.financing;

import org.jspecify.annotations.NullMarked;
