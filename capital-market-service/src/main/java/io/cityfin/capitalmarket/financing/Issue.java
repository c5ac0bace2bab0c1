package io.cityfin.capitalmarket.financing;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.cityfin.reporting.record.RecordChecks;

/**
 * A direct-financing issue as sent (data-standard-2.md, "Direct-financing issues"), in canonical member order, with
 * the wire's loose types so that {@link IssueType}'s rules refuse with a pointer.
 */
public record Issue(@Nullable Issuer issuer, @Nullable String region, @Nullable String channel, @Nullable String instrument,
                    @Nullable String securityCode, @Nullable BigDecimal amount, @Nullable String issuedOn,
                    @Nullable String leadUnderwriter) {

    /** Who raised the money: its USCC, its name and its kind (ENTERPRISE, PLATFORM, FINANCIAL_INSTITUTION, OTHER). */
    public record Issuer(@Nullable String uscc, @Nullable String name, @Nullable String kind) {
    }

    /** The day it was raised, if it is a valid date. */
    public @Nullable LocalDate issuedDay() {
        return RecordChecks.dayOrNull(issuedOn);
    }

    /** Raised by a government financing platform. */
    public boolean byPlatform() {
        return issuer != null && IssueType.PLATFORM.equals(issuer.kind());
    }
}
