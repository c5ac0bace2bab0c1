package io.cityfin.risk.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.http.IfMatch;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.institution.GuaranteeListing;
import io.cityfin.reporting.institution.Institution;
import io.cityfin.reporting.institution.InstitutionChange;
import io.cityfin.reporting.institution.Institutions;
import io.cityfin.reporting.report.ReportLine;
import io.cityfin.reporting.report.ReportStatus;
import io.cityfin.reporting.report.ReportVersion;
import io.cityfin.reporting.report.Reports;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Fakes of the machinery's registry and report ports, for the report-based alert rules: the latest version of each. */
final class InMemoryReports implements Reports {

    static final OffsetDateTime AT = OffsetDateTime.parse("2022-10-05T02:00:00Z");

    private final Map<String, ReportVersion> latest = new LinkedHashMap<>();
    final InMemoryInstitutions institutions = new InMemoryInstitutions();

    /** Registers the institution in {@link #institutions} and files its report of the period. */
    void file(Institution institution, String period, ReportStatus status, ReportLine... lines) {
        institutions.put(institution);
        latest.put(institution.code() + "@" + period, new ReportVersion(institution.code(), Period.parse(period), 1, "hash", status, AT,
                "key", institution.code(), List.of(lines), List.of()));
    }

    static Institution institution(String code, String type, String region, @Nullable GuaranteeListing listing, boolean smallAndAgricultural) {
        return new Institution(code, "机构" + code, type, Region.ofCode(region).orElseThrow(), LocalDate.parse("2015-01-01"), null, 1, AT,
                "admin", listing, smallAndAgricultural);
    }

    static ReportLine line(String item, String region, String value) {
        return new ReportLine(item, Region.ofCode(region).orElseThrow(), new BigDecimal(value));
    }

    @Override
    public Mono<ReportVersion> latest(String institutionCode, Period period) {
        return Mono.justOrEmpty(latest.get(institutionCode + "@" + period));
    }

    @Override
    public Flux<ReportVersion> versions(String institutionCode, Period period) {
        return latest(institutionCode, period).flux();
    }

    @Override
    public Mono<ReportVersion> version(String institutionCode, Period period, int version) {
        return latest(institutionCode, period).filter(v -> v.version() == version);
    }

    @Override
    public Mono<Appended> append(ReportVersion candidate, @Nullable IfMatch ifMatch) {
        return Mono.error(new UnsupportedOperationException("read-only fake"));
    }

    @Override
    public Flux<String> reportedInstitutions(Period period) {
        return Flux.fromIterable(latest.values())
                .filter(v -> v.period().equals(period) && v.status() != ReportStatus.WITHDRAWN)
                .map(ReportVersion::institutionCode);
    }

    static final class InMemoryInstitutions implements Institutions {

        private final Map<String, Institution> byCode = new LinkedHashMap<>();

        void put(Institution institution) {
            byCode.put(institution.code(), institution);
        }

        @Override
        public Mono<Institution> latest(String code) {
            return Mono.justOrEmpty(byCode.get(code));
        }

        @Override
        public Flux<Institution> allLatest() {
            return Flux.fromIterable(new ArrayList<>(byCode.values()));
        }

        @Override
        public Flux<Institution> activeOn(LocalDate day) {
            return allLatest().filter(i -> i.isActiveOn(day));
        }

        @Override
        public Mono<Institution> append(String code, InstitutionChange change, OffsetDateTime at, String changedBy) {
            return Mono.error(new UnsupportedOperationException("read-only fake"));
        }
    }
}
