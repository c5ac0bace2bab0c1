/**
 * Local financial organisations' supervision (data-standard-2.md, "Local financial organisations"): the registry's
 * risk rules, annual classification ratings and supervisory actions as records, an ending action ending the
 * organisation in the registry, the supervision indicators, the MICROLOAN_REVOCATION_DUE alert rule and the demo
 * ratings and actions; {@code web}: {@code /institutions/{code}/ratings}, {@code /institutions/{code}/actions} and
 * {@code /actions}.
 */
@NullMarked
package io.cityfin.risk.organisation;

import org.jspecify.annotations.NullMarked;
