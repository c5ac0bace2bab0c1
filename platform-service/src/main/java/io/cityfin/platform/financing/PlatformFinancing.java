package io.cityfin.platform.financing;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.cityfin.reporting.record.RecordChecks;

/**
 * One non-market financing of a platform as sent (data-standard-2.md, "Platform financing"), in canonical member order,
 * with the wire's loose types so that {@link PlatformFinancingType}'s rules refuse with a pointer: the platform's USCC,
 * the instrument (BANK_LOAN, TRUST, FINANCIAL_LEASING, OTHER_NON_STANDARD), the contract's or security's code (a loan may
 * have none), the amount in yuan, the day the money came, the maturity and the coupon in percent.
 */
public record PlatformFinancing(@Nullable String platform, @Nullable String instrument, @Nullable String securityCode,
                                @Nullable BigDecimal amount, @Nullable String issuedOn, @Nullable String maturityOn,
                                @Nullable BigDecimal couponPct) {

    /** The day the money came, if it is a valid date. */
    public @Nullable LocalDate issuedDay() {
        return RecordChecks.dayOrNull(issuedOn);
    }
}
