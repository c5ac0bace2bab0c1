/**
 * Three-colour alerts (data-standard-2.md, "Alert rules and alerts"): the rules' common shape ({@link
 * io.cityfin.risk.alert.AlertRule}), their versioned settings, the alerts they raise and the evaluations that run them.
 */
@NullMarked
package io.cityfin.risk.alert;

import org.jspecify.annotations.NullMarked;
