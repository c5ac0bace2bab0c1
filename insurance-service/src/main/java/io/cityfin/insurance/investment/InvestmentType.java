package io.cityfin.insurance.investment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.problem.FieldError;
import io.cityfin.reporting.institution.Institution;
import io.cityfin.reporting.institution.Institutions;
import io.cityfin.reporting.record.RecordChecks;
import io.cityfin.reporting.record.RecordContext;
import io.cityfin.reporting.record.RecordType;
import reactor.core.publisher.Mono;

/**
 * Investments as records (data-standard.md, "Insurance funds invested in the city"): canonical content
 * {@code {"institutionCode","project","region","amount","date","channel"}} (the machinery's mapper writes the amount
 * as a plain decimal string); refused
 * when the amount is not above 0 or has more than 2 decimals, the region is unknown or the city, the date is malformed
 * or after today (Asia/Shanghai), the channel unknown, or the institution not an insurer of the registry active on the
 * date. The insurer's SUBMITTER writes and reads its own.
 */
public class InvestmentType implements RecordType<Investment> {

    public static final String COLLECTION = "investments";
    public static final Set<String> CHANNELS = Set.of("DEBT_PLAN", "EQUITY", "FUND", "OTHER");

    private final Institutions institutions;
    private final Clock clock;

    public InvestmentType(Institutions institutions, Clock clock) {
        this.institutions = institutions;
        this.clock = clock;
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Class<Investment> contentType() {
        return Investment.class;
    }

    @Override
    public @Nullable String owner(Investment content) {
        return content.institutionCode() == null ? "" : content.institutionCode();
    }

    @Override
    public @Nullable String region(Investment content) {
        return content.region();
    }

    @Override
    public Mono<List<FieldError>> faults(Investment content, RecordContext context) {
        Optional<LocalDate> day = content.day();
        Mono<Optional<Institution>> institution = content.institutionCode() == null || content.institutionCode().isBlank()
                ? Mono.just(Optional.empty())
                : institutions.latest(content.institutionCode()).map(Optional::of).defaultIfEmpty(Optional.empty());
        return institution.map(registered -> {
            List<FieldError> faults = new ArrayList<>();
            institutionFaults(content.institutionCode(), registered.orElse(null), day.orElse(null), faults);
            RecordChecks.present(content.project(), "/project", faults);
            RecordChecks.countyRegion(content.region(), "/region", faults);
            RecordChecks.amount(content.amount(), "/amount", faults);
            RecordChecks.actualDate(content.date(), true, "/date", clock, faults);
            if (RecordChecks.present(content.channel(), "/channel", faults) && !CHANNELS.contains(content.channel())) {
                faults.add(FieldError.atPointer("/channel", "UNKNOWN_CHANNEL", "A channel is DEBT_PLAN, EQUITY, FUND or OTHER."));
            }
            return faults;
        });
    }

    private static void institutionFaults(@Nullable String code, @Nullable Institution institution, @Nullable LocalDate day,
                                          List<FieldError> faults) {
        if (code == null || code.isBlank()) {
            faults.add(RecordChecks.missing("/institutionCode"));
        } else if (institution == null) {
            faults.add(FieldError.atPointer("/institutionCode", "UNKNOWN_INSTITUTION", code + " is no insurer in the registry."));
        } else if (day != null && !institution.isActiveOn(day)) {
            faults.add(FieldError.atPointer("/institutionCode", "INSTITUTION_INACTIVE", code + " is not active on " + day + "."));
        }
    }
}
