package io.cityfin.risk.alert;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.cityfin.common.period.Period;
import io.cityfin.reporting.record.RecordAccepted;
import io.cityfin.reporting.report.ReportAccepted;
import reactor.core.publisher.Mono;

/**
 * A rule whose findings a test sets per period: FAKE_RULE, ORANGE 50 and RED 90 (YELLOW unused), parameter
 * {@code persons} 100; affected by every accepted report and record.
 */
public class FakeRule implements AlertRule {

    public static final String CODE = "FAKE_RULE";

    private final Map<Period, List<Finding>> findings = new ConcurrentHashMap<>();

    /** What the rule finds at {@code period} from now on. */
    public void finds(Period period, Finding... found) {
        findings.put(period, List.of(found));
    }

    public static Finding finding(String subject, String region, String value, Colour colour) {
        return new Finding(subject, "subject " + subject, region, new BigDecimal(value), colour,
                colour == Colour.RED ? BigDecimal.valueOf(90) : colour == Colour.ORANGE ? BigDecimal.valueOf(50) : BigDecimal.TEN);
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String nameZh() {
        return "测试规则";
    }

    @Override
    public String nameEn() {
        return "A test rule";
    }

    @Override
    public String subjectKind() {
        return "LEAD";
    }

    @Override
    public RuleSettings defaults() {
        return new RuleSettings(true, Map.of(Colour.ORANGE, BigDecimal.valueOf(50), Colour.RED, BigDecimal.valueOf(90)),
                Map.of("persons", BigDecimal.valueOf(100)));
    }

    @Override
    public Mono<List<Finding>> evaluate(Period period, RuleSettings settings) {
        return Mono.fromSupplier(() -> findings.getOrDefault(period, List.of()));
    }

    @Override
    public boolean affectedBy(ReportAccepted report) {
        return true;
    }

    @Override
    public boolean affectedBy(RecordAccepted record) {
        return true;
    }
}
