package io.cityfin.reporting.report;

import io.cityfin.common.period.Period;

/**
 * Published (a Spring application event) once a new report version has been committed, a withdrawal included: the
 * institution and the report's period. Resubmitting the same content publishes none. Listeners run on the writer's
 * thread and must not block it: risk-service schedules its alert evaluation from it.
 */
public record ReportAccepted(String institutionCode, Period period, int version) {
}
