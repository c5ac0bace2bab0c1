/**
 * Private funds and their investments (data-standard-2.md, "Private funds and their investments") as versioned records,
 * investments under their fund; their rules and the demo funds; {@code web}: {@code /private-funds}, {@code /fund-investments}.
 */
@NullMarked
package io.cityfin.capitalmarket.fund;

import org.jspecify.annotations.NullMarked;
