package io.cityfin.reporting.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cityfin.reporting.institution.GuaranteeListing;
import io.cityfin.reporting.institution.InstitutionChange;

/** The shape of a demo file: institutions, reports and targets by year, as the API takes them. */
public record DemoData(List<Institution> institutions, List<Report> reports, @Nullable Map<String, List<Target>> targets) {

    /** An institution as an ADMIN registers it; the guarantee attributes only where the service's types carry them. */
    public record Institution(String code, String name, String type, String region, LocalDate activeFrom, @Nullable LocalDate activeTo,
                              @Nullable GuaranteeListing govGuaranteeList, @Nullable Boolean mainlySmallAndAgricultural) {

        public Institution(String code, String name, String type, String region, LocalDate activeFrom, @Nullable LocalDate activeTo) {
            this(code, name, type, region, activeFrom, activeTo, null, null);
        }

        /** The change the demo ADMIN sends. */
        public InstitutionChange change() {
            return new InstitutionChange(name, type, region, activeFrom, activeTo, govGuaranteeList, Boolean.TRUE.equals(mainlySmallAndAgricultural));
        }
    }

    public record Report(String institution, String period, List<Line> lines) {
    }

    public record Line(String item, String region, BigDecimal value) {
    }

    public record Target(String indicator, String kind, BigDecimal value) {
    }
}
