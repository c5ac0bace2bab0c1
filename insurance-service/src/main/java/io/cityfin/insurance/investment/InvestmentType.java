package io.cityfin.insurance.investment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.period.CityClock;
import io.cityfin.common.problem.FieldError;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.institution.Institution;
import io.cityfin.reporting.institution.Institutions;
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
            if (content.project() == null || content.project().isBlank()) {
                faults.add(missing("/project", "project"));
            }
            regionFaults(content.region(), faults);
            amountFaults(content.amount(), faults);
            dateFaults(content.date(), day.orElse(null), faults);
            if (content.channel() == null) {
                faults.add(missing("/channel", "channel"));
            } else if (!CHANNELS.contains(content.channel())) {
                faults.add(FieldError.atPointer("/channel", "UNKNOWN_CHANNEL", "A channel is DEBT_PLAN, EQUITY, FUND or OTHER."));
            }
            return faults;
        });
    }

    private static void institutionFaults(@Nullable String code, @Nullable Institution institution, @Nullable LocalDate day,
                                          List<FieldError> faults) {
        if (code == null || code.isBlank()) {
            faults.add(missing("/institutionCode", "institutionCode"));
        } else if (institution == null) {
            faults.add(FieldError.atPointer("/institutionCode", "UNKNOWN_INSTITUTION", code + " is no insurer in the registry."));
        } else if (day != null && !institution.isActiveOn(day)) {
            faults.add(FieldError.atPointer("/institutionCode", "INSTITUTION_INACTIVE", code + " is not active on " + day + "."));
        }
    }

    private static void regionFaults(@Nullable String region, List<FieldError> faults) {
        if (region == null) {
            faults.add(missing("/region", "region"));
            return;
        }
        Optional<Region> known = Region.ofCode(region);
        if (known.isEmpty()) {
            faults.add(FieldError.atPointer("/region", Region.UNKNOWN_REGION, "'" + region + "' is not a county-level code of the city."));
        } else if (known.get().isCity()) {
            faults.add(FieldError.atPointer("/region", "CITY_REGION_ON_RECORD",
                    "An investment carries the county-level code of its project, never 361000."));
        }
    }

    private static void amountFaults(@Nullable BigDecimal amount, List<FieldError> faults) {
        if (amount == null) {
            faults.add(missing("/amount", "amount"));
        } else if (amount.signum() <= 0) {
            faults.add(FieldError.atPointer("/amount", "AMOUNT_NOT_POSITIVE", "An amount is above 0."));
        } else if (Math.max(0, amount.stripTrailingZeros().scale()) > 2) {
            faults.add(FieldError.atPointer("/amount", "TOO_MANY_DECIMALS", "An amount in yuan has at most 2 decimals."));
        }
    }

    private void dateFaults(@Nullable String date, @Nullable LocalDate day, List<FieldError> faults) {
        if (date == null) {
            faults.add(missing("/date", "date"));
        } else if (day == null) {
            faults.add(FieldError.atPointer("/date", "INVALID_DATE", "A date is YYYY-MM-DD."));
        } else if (day.isAfter(CityClock.today(clock))) {
            faults.add(FieldError.atPointer("/date", "DATE_IN_FUTURE", "An investment's date is not after today (Asia/Shanghai)."));
        }
    }

    private static FieldError missing(String pointer, String name) {
        return FieldError.atPointer(pointer, "MISSING_VALUE", name + " is required.");
    }
}
