package io.cityfin.risk.alert;

import java.util.List;

import io.cityfin.common.period.Period;
import io.cityfin.reporting.record.RecordAccepted;
import io.cityfin.reporting.report.ReportAccepted;
import reactor.core.publisher.Mono;

/**
 * One rule of data-standard-2.md, "Alert rules and alerts": its code is here, its thresholds and parameters are
 * versioned configuration ({@link RuleSettings}, {@code PUT /alert-rules/{code}}). Each feature contributes its rules as
 * beans; the alert engine runs every enabled one for a period and turns their findings into alerts, one per (rule,
 * subject, period), coloured in place, resolved when a subject is no longer found.
 */
public interface AlertRule {

    /** The rule's code, such as {@code NPL_RATIO_HIGH}. */
    String code();

    /** Chinese and English names, shown by {@code GET /alert-rules}. */
    String nameZh();

    String nameEn();

    /** What one subject is: {@code REGION}, {@code INSTITUTION}, {@code REPAYMENT_PLAN}, {@code LEAD}. */
    String subjectKind();

    /** The settings before any {@code PUT /alert-rules/{code}}: those of the data standard's table. */
    RuleSettings defaults();

    /**
     * Every subject whose condition holds at the period under {@code settings}, with its colour; subjects not found
     * are resolved. An input that does not answer (credit's indicators) is an error
     * ({@link io.cityfin.reporting.indicator.PublishedIndicatorsUnavailableException}): then nothing is raised or
     * resolved and the rule shows {@code UNAVAILABLE} for the period.
     */
    Mono<List<Finding>> evaluate(Period period, RuleSettings settings);

    /** Whether a new report version can change what this rule finds (then it re-runs for the report's period). */
    default boolean affectedBy(ReportAccepted report) {
        return false;
    }

    /** Whether a new record version can change what this rule finds (then it re-runs for the month of its day). */
    default boolean affectedBy(RecordAccepted record) {
        return false;
    }
}
