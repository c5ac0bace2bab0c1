/** The alert rules' and alerts' routes (alerts.yaml). */
@NullMarked
package io.cityfin.risk.alert.web;

import org.jspecify.annotations.NullMarked;
