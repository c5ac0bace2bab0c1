package io.cityfin.reporting.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** The shape of a demo file: institutions, reports and targets by year, as the API takes them. */
public record DemoData(List<Institution> institutions, List<Report> reports, @Nullable Map<String, List<Target>> targets) {

    public record Institution(String code, String name, String type, String region, LocalDate activeFrom, @Nullable LocalDate activeTo) {
    }

    public record Report(String institution, String period, List<Line> lines) {
    }

    public record Line(String item, String region, BigDecimal value) {
    }

    public record Target(String indicator, String kind, BigDecimal value) {
    }
}
