/**
 * The guarantee-industry, bridge-fund and private-lending reports on the machinery: one catalogue per institution type,
 * the sections' own refusals and the warnings that see the institution's registry entry.
 */
@NullMarked
package io.cityfin.risk.report;

import org.jspecify.annotations.NullMarked;
