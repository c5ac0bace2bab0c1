/** The alerts, their history and the rules' last evaluations in risk-service's own tables (Flyway V1). */
@NullMarked
package io.cityfin.risk.alert.persistence;

import org.jspecify.annotations.NullMarked;
