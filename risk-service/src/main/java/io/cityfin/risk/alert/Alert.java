package io.cityfin.risk.alert;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.period.Period;

/**
 * One alert: a rule's finding about one subject in one period (unique per rule, subject and period), with the rule
 * version that last coloured it, its colour, value and threshold, its status and the history of every change (empty
 * where a list does not read it). {@code id} is 0 for an alert not stored yet.
 */
public record Alert(long id, String rule, int ruleVersion, String subject, String subjectName, String region, Period period,
                    Colour colour, BigDecimal value, @Nullable BigDecimal threshold, AlertStatus status, OffsetDateTime raisedAt,
                    OffsetDateTime changedAt, List<AlertChange> history) {

    public Alert {
        history = List.copyOf(history);
    }

    /** This alert as {@code finding} colours it, under {@code ruleVersion}, with status {@code status}. */
    Alert as(Finding finding, int version, AlertStatus newStatus, OffsetDateTime at) {
        return new Alert(id, rule, version, subject, finding.subjectName(), finding.region(), period, finding.colour(), finding.value(),
                finding.threshold(), newStatus, raisedAt, at, List.of());
    }

    /** This alert with another status. */
    Alert withStatus(AlertStatus newStatus, OffsetDateTime at) {
        return new Alert(id, rule, ruleVersion, subject, subjectName, region, period, colour, value, threshold, newStatus, raisedAt, at,
                List.of());
    }
}
