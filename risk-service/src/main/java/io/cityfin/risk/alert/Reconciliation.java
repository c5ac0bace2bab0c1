package io.cityfin.risk.alert;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.cityfin.common.period.Period;

/**
 * What one evaluation of a rule for a period changes, given the alerts it raised before (data-standard-2.md, "Alert
 * rules and alerts"): a new subject raises an OPEN alert; a subject found at another colour is re-coloured in place; an
 * open alert whose subject is no longer found is RESOLVED; a RESOLVED one found again re-opens; a CLOSED one stays
 * closed for the period. The same findings again change nothing. Pure: the store applies it under its lock.
 */
final class Reconciliation {

    static final String ENGINE = "alert-engine";

    private Reconciliation() {
    }

    static List<AlertWrite> plan(String rule, int ruleVersion, Period period, List<Alert> existing, List<Finding> findings, OffsetDateTime at) {
        Map<String, Finding> found = strongest(findings);
        Map<String, Alert> known = new LinkedHashMap<>();
        existing.forEach(alert -> known.put(alert.subject(), alert));
        List<AlertWrite> writes = new ArrayList<>();
        found.forEach((subject, finding) -> {
            Alert alert = known.get(subject);
            if (alert == null) {
                Alert raised = new Alert(0, rule, ruleVersion, subject, finding.subjectName(), finding.region(), period, finding.colour(),
                        finding.value(), finding.threshold(), AlertStatus.OPEN, at, at, List.of());
                writes.add(new AlertWrite(raised, entry(raised, at, "raised " + finding.colour()), AlertWrite.Kind.RAISED));
            } else if (alert.status() == AlertStatus.RESOLVED) {
                Alert reopened = alert.as(finding, ruleVersion, AlertStatus.OPEN, at);
                writes.add(new AlertWrite(reopened, entry(reopened, at, "found again: re-opened " + finding.colour()), AlertWrite.Kind.REOPENED));
            } else if (alert.status().isOpen() && alert.colour() != finding.colour()) {
                Alert recoloured = alert.as(finding, ruleVersion, alert.status(), at);
                writes.add(new AlertWrite(recoloured, entry(recoloured, at, "re-coloured " + alert.colour() + " -> " + finding.colour()),
                        AlertWrite.Kind.RECOLOURED));
            } else if (alert.status().isOpen() && !sameFigures(alert, finding)) {
                writes.add(new AlertWrite(alert.as(finding, ruleVersion, alert.status(), at), null, AlertWrite.Kind.UPDATED));
            }
        });
        known.forEach((subject, alert) -> {
            if (!found.containsKey(subject) && alert.status().isOpen()) {
                Alert resolved = alert.withStatus(AlertStatus.RESOLVED, at);
                writes.add(new AlertWrite(resolved, entry(resolved, at, "no longer found: resolved"), AlertWrite.Kind.RESOLVED));
            }
        });
        return writes;
    }

    /** One finding per subject: where a rule names a subject twice, the higher colour wins. */
    private static Map<String, Finding> strongest(List<Finding> findings) {
        Map<String, Finding> bySubject = new LinkedHashMap<>();
        for (Finding finding : findings) {
            bySubject.merge(finding.subject(), finding, (a, b) -> b.colour().compareTo(a.colour()) > 0 ? b : a);
        }
        return bySubject;
    }

    private static boolean sameFigures(Alert alert, Finding finding) {
        return alert.value().compareTo(finding.value()) == 0
                && (alert.threshold() == null ? finding.threshold() == null
                        : finding.threshold() != null && alert.threshold().compareTo(finding.threshold()) == 0)
                && alert.subjectName().equals(finding.subjectName()) && Objects.equals(alert.region(), finding.region());
    }

    private static AlertChange entry(Alert state, OffsetDateTime at, String note) {
        return new AlertChange(at, ENGINE, state.colour(), state.status(), state.value(), note);
    }
}
