/**
 * The registry of government financing platforms as versioned records keyed by USCC (data-standard-2.md, "Registry"):
 * their dated status and level history, its refusal rules, its state at a day D and the demo platforms;
 * {@code web}: {@code /platforms}.
 */
@NullMarked
package io.cityfin.platform.registry;

import org.jspecify.annotations.NullMarked;
