package io.cityfin.capitalmarket.fund;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.problem.FieldError;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.record.RecordChecks;
import io.cityfin.reporting.record.RecordContext;
import io.cityfin.reporting.record.StaffRecordType;
import reactor.core.publisher.Mono;

/**
 * A private fund's investments as records under their fund: refused when a member is missing or malformed, the
 * investee's USCC is invalid, the region is neither a county-level region of the city nor {@code OUTSIDE}, the amount
 * is not above 0, or {@code investedOn} is after today, before the fund's establishment or after its liquidation.
 */
public record FundInvestmentType(Clock clock) implements StaffRecordType<FundInvestment> {

    public static final String COLLECTION = "fund-investments";
    public static final String INVESTED_BEFORE_ESTABLISHED = "INVESTED_BEFORE_ESTABLISHED";
    public static final String INVESTED_AFTER_LIQUIDATION = "INVESTED_AFTER_LIQUIDATION";

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Class<FundInvestment> contentType() {
        return FundInvestment.class;
    }

    @Override
    public Mono<List<FieldError>> faults(FundInvestment content, RecordContext context) {
        List<FieldError> faults = new ArrayList<>();
        if (RecordChecks.present(content.investee(), "/investee", faults)) {
            RecordChecks.uscc(content.investee().uscc(), "/investee/uscc", faults);
            RecordChecks.present(content.investee().name(), "/investee/name", faults);
        }
        if (!FundInvestment.OUTSIDE.equals(content.investeeRegion())) {
            RecordChecks.countyRegion(content.investeeRegion(), "/investeeRegion", faults);
        }
        RecordChecks.amount(content.amount(), "/amount", faults);
        Optional<LocalDate> invested = RecordChecks.actualDate(content.investedOn(), true, "/investedOn", clock, faults);
        invested.ifPresent(day -> context.parent(Fund.class).ifPresent(fund -> fundFaults(day, fund, faults)));
        return Mono.just(faults);
    }

    @Override
    public @Nullable String region(FundInvestment content) {
        return content.investeeRegion() == null || Region.ofCode(content.investeeRegion()).isEmpty() ? null : content.investeeRegion();
    }

    private static void fundFaults(LocalDate invested, Fund fund, List<FieldError> faults) {
        RecordChecks.day(fund.establishedOn()).filter(invested::isBefore).ifPresent(established -> faults.add(FieldError.atPointer(
                "/investedOn", INVESTED_BEFORE_ESTABLISHED, "The fund was established on " + established + ", after this investment.")));
        RecordChecks.day(fund.liquidatedOn()).filter(invested::isAfter).ifPresent(liquidated -> faults.add(FieldError.atPointer(
                "/investedOn", INVESTED_AFTER_LIQUIDATION, "The fund was liquidated on " + liquidated + ", before this investment.")));
    }
}
