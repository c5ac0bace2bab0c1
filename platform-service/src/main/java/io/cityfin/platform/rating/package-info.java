/**
 * Platforms' issuer credit ratings as child records of the platforms (data-standard-2.md, "Credit ratings"), their
 * refusal rules, a platform's rating at a day D, the 13 indicators of the registry and the ratings ("Platform
 * indicators") and the demo ratings; {@code web}: {@code /platforms/{uscc}/ratings} and {@code /ratings}.
 */
@NullMarked
package io.cityfin.platform.rating;

import org.jspecify.annotations.NullMarked;
