package io.cityfin.platform.financing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.identity.AccessRule;
import io.cityfin.common.identity.Role;
import io.cityfin.common.problem.FieldError;
import io.cityfin.platform.registry.Platform;
import io.cityfin.reporting.record.RecordChecks;
import io.cityfin.reporting.record.RecordContext;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.RecordType;
import io.cityfin.reporting.record.StoredRecord;
import io.cityfin.reporting.record.UniqueClaim;
import reactor.core.publisher.Mono;

/**
 * Platform financing as records (data-standard-2.md, "Platform financing"): every refusal of the section, the security
 * code held by one financing only, and the platform as owner, so that a platform's own key (a SUBMITTER whose
 * institution code is the platform's USCC) writes and reads only its own financing. The platform is read from the
 * registry ({@code platforms}) without access checks; a withdrawn platform is unknown. The record carries no region:
 * lists and indicators place it in its platform's region when they read it, so a registry correction moves it too.
 */
public record PlatformFinancingType(RecordService<Platform> platforms, Clock clock) implements RecordType<PlatformFinancing> {

    public static final String COLLECTION = "platform-financing";
    /** The non-market instruments this service records. */
    public static final Set<String> INSTRUMENTS = Set.of("BANK_LOAN", "TRUST", "FINANCIAL_LEASING", "OTHER_NON_STANDARD");
    /** Capital market's instruments (data-standard-2.md, "Direct-financing issues"): recorded there, never here. */
    public static final Set<String> MARKET_INSTRUMENTS = Set.of("IPO", "FOLLOW_ON", "CONVERTIBLE", "CORPORATE_BOND", "EXCHANGE_ABS",
            "MTN", "CP", "PPN", "ABN", "ENTERPRISE_BOND", "NEEQ_PLACEMENT", "REGIONAL_EQUITY_PLACEMENT", "OTHER");

    public static final String UNKNOWN_INSTRUMENT = "UNKNOWN_INSTRUMENT";
    public static final String MARKET_INSTRUMENT = "MARKET_INSTRUMENT_BELONGS_TO_CAPITAL_MARKET";
    public static final String MATURITY_BEFORE_ISSUE = "MATURITY_BEFORE_ISSUE";
    public static final String COUPON_OUT_OF_RANGE = "COUPON_OUT_OF_RANGE";
    public static final String UNKNOWN_PLATFORM = "UNKNOWN_PLATFORM";
    public static final String PLATFORM_INACTIVE_AT_ISSUE = "PLATFORM_INACTIVE_AT_ISSUE";
    public static final String SECURITY_CODE_TAKEN = "SECURITY_CODE_TAKEN";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int COUPON_DECIMALS = 4;

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Class<PlatformFinancing> contentType() {
        return PlatformFinancing.class;
    }

    @Override
    public Mono<List<FieldError>> faults(PlatformFinancing content, RecordContext context) {
        List<FieldError> faults = new ArrayList<>();
        boolean wellFormed = RecordChecks.uscc(content.platform(), "/platform", faults);
        instrumentFaults(content.instrument(), faults);
        RecordChecks.amount(content.amount(), "/amount", faults);
        Optional<LocalDate> issued = RecordChecks.actualDate(content.issuedOn(), true, "/issuedOn", clock, faults);
        Optional<LocalDate> maturity = RecordChecks.plannedDate(content.maturityOn(), false, "/maturityOn", faults);
        if (issued.isPresent() && maturity.isPresent() && maturity.get().isBefore(issued.get())) {
            faults.add(FieldError.atPointer("/maturityOn", MATURITY_BEFORE_ISSUE, "maturityOn is not before issuedOn."));
        }
        couponFaults(content.couponPct(), faults);
        if (!wellFormed) {
            return Mono.just(faults);
        }
        String uscc = content.platform();
        return platforms.lookup(uscc).filter(StoredRecord::isActive).map(Optional::of).defaultIfEmpty(Optional.empty())
                .map(platform -> {
                    platformFaults(uscc, platform.map(StoredRecord::content).orElse(null), issued.orElse(null), faults);
                    return faults;
                });
    }

    @Override
    public List<UniqueClaim> claims(PlatformFinancing content) {
        String code = content.securityCode();
        return code == null || code.isBlank() ? List.of() : List.of(UniqueClaim.always("securityCode", code, "/securityCode",
                SECURITY_CODE_TAKEN, "Security code " + code + " is on another financing."));
    }

    @Override
    public @Nullable String owner(PlatformFinancing content) {
        return content.platform();
    }

    /** ADMIN and ANALYST write every financing; a platform's own key (SUBMITTER) only its own. */
    @Override
    public AccessRule writer(PlatformFinancing content) {
        String owner = owner(content);
        return owner == null ? AccessRule.anyOf(Role.ADMIN, Role.ANALYST)
                : new AccessRule("writes only its own platform's financing", caller -> caller.isStaff() || caller.submitsFor(owner));
    }

    private static void instrumentFaults(@Nullable String instrument, List<FieldError> faults) {
        if (!RecordChecks.present(instrument, "/instrument", faults) || INSTRUMENTS.contains(instrument)) {
            return;
        }
        if (MARKET_INSTRUMENTS.contains(instrument)) {
            faults.add(FieldError.atPointer("/instrument", MARKET_INSTRUMENT, instrument
                    + " is a market issue: record it at capital-market-service's /direct-financing with issuer.kind PLATFORM."));
        } else {
            faults.add(FieldError.atPointer("/instrument", UNKNOWN_INSTRUMENT,
                    "An instrument is BANK_LOAN, TRUST, FINANCIAL_LEASING or OTHER_NON_STANDARD."));
        }
    }

    private static void couponFaults(@Nullable BigDecimal coupon, List<FieldError> faults) {
        if (coupon == null) {
            return;
        }
        if (coupon.signum() < 0 || coupon.compareTo(HUNDRED) > 0) {
            faults.add(FieldError.atPointer("/couponPct", COUPON_OUT_OF_RANGE, "A coupon is from 0 to 100 percent."));
        } else if (Math.max(0, coupon.stripTrailingZeros().scale()) > COUPON_DECIMALS) {
            faults.add(FieldError.atPointer("/couponPct", RecordChecks.TOO_MANY_DECIMALS, "A rate in percent has at most 4 decimals."));
        }
    }

    private static void platformFaults(String uscc, @Nullable Platform platform, @Nullable LocalDate issued, List<FieldError> faults) {
        if (platform == null) {
            faults.add(FieldError.atPointer("/platform", UNKNOWN_PLATFORM, uscc + " is no platform of the registry."));
            return;
        }
        if (issued == null) {
            return;
        }
        String status = platform.statusAt(issued);
        if (status == null || Platform.MERGED.equals(status) || Platform.DEREGISTERED.equals(status)) {
            faults.add(FieldError.atPointer("/platform", PLATFORM_INACTIVE_AT_ISSUE, uscc + " is "
                    + (status == null ? "not yet registered" : status) + " on " + issued + "."));
        }
    }
}
