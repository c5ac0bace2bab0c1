package io.cityfin.capitalmarket.financing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.problem.FieldError;
import io.cityfin.reporting.record.RecordChecks;
import io.cityfin.reporting.institution.Institution;
import io.cityfin.reporting.institution.Institutions;
import io.cityfin.reporting.record.RecordContext;
import io.cityfin.reporting.record.StaffOrOwnerRecordType;
import io.cityfin.reporting.record.UniqueClaim;
import reactor.core.publisher.Mono;

/**
 * Direct-financing issues as records (data-standard-2.md, "Direct-financing issues" and "Securities institutions, and
 * who writes"): every refusal of the section, the security code held by one issue only, and the lead underwriter as
 * owner, so that a securities institution's SUBMITTER writes and reads only the issues it led.
 */
public record IssueType(Institutions institutions, Clock clock) implements StaffOrOwnerRecordType<Issue> {

    public static final String COLLECTION = "direct-financing";
    public static final String PLATFORM = "PLATFORM";
    public static final Set<String> ISSUER_KINDS = Set.of("ENTERPRISE", PLATFORM, "FINANCIAL_INSTITUTION", "OTHER");
    /** The channels and the instruments each one takes (the section's table). */
    public static final Map<String, Set<String>> INSTRUMENTS = Map.of(
            "EXCHANGE_MARKET", Set.of("IPO", "FOLLOW_ON", "CONVERTIBLE", "CORPORATE_BOND", "EXCHANGE_ABS"),
            "INTERBANK_BOND", Set.of("MTN", "CP", "PPN", "ABN"),
            "ENTERPRISE_BOND", Set.of("ENTERPRISE_BOND"),
            "OTHER", Set.of("NEEQ_PLACEMENT", "REGIONAL_EQUITY_PLACEMENT", "OTHER"));

    public static final String UNKNOWN_ISSUER_KIND = "UNKNOWN_ISSUER_KIND";
    public static final String UNKNOWN_CHANNEL = "UNKNOWN_CHANNEL";
    public static final String UNKNOWN_INSTRUMENT = "UNKNOWN_INSTRUMENT";
    public static final String INSTRUMENT_NOT_IN_CHANNEL = "INSTRUMENT_NOT_IN_CHANNEL";
    public static final String SECURITY_CODE_TAKEN = "SECURITY_CODE_TAKEN";
    public static final String UNKNOWN_INSTITUTION = "UNKNOWN_INSTITUTION";
    public static final String INSTITUTION_INACTIVE = "INSTITUTION_INACTIVE";

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Class<Issue> contentType() {
        return Issue.class;
    }

    @Override
    public Mono<List<FieldError>> faults(Issue content, RecordContext context) {
        String code = content.leadUnderwriter();
        Mono<Optional<Institution>> underwriter = code == null || code.isBlank()
                ? Mono.just(Optional.empty())
                : institutions.latest(code).map(Optional::of).defaultIfEmpty(Optional.empty());
        return underwriter.map(registered -> {
            List<FieldError> faults = new ArrayList<>();
            issuerFaults(content.issuer(), faults);
            // a CITY-tier platform issues for the whole city (361000); every other issuer on a county-level code
            RecordChecks.region(content.region(), content.byPlatform(), "/region", faults);
            instrumentFaults(content.channel(), content.instrument(), faults);
            RecordChecks.present(content.securityCode(), "/securityCode", faults);
            RecordChecks.amount(content.amount(), "/amount", faults);
            Optional<LocalDate> issued = RecordChecks.actualDate(content.issuedOn(), true, "/issuedOn", clock, faults);
            underwriterFaults(code, registered.orElse(null), issued.orElse(null), faults);
            return faults;
        });
    }

    @Override
    public List<UniqueClaim> claims(Issue content) {
        return content.securityCode() == null ? List.of() : List.of(UniqueClaim.always("securityCode", content.securityCode(),
                "/securityCode", SECURITY_CODE_TAKEN, "Security code " + content.securityCode() + " is on another issue."));
    }

    @Override
    public @Nullable String region(Issue content) {
        return content.region();
    }

    @Override
    public @Nullable String owner(Issue content) {
        return content.leadUnderwriter();
    }

    private static void issuerFaults(Issue.@Nullable Issuer issuer, List<FieldError> faults) {
        if (!RecordChecks.present(issuer, "/issuer", faults)) {
            return;
        }
        RecordChecks.uscc(issuer.uscc(), "/issuer/uscc", faults);
        RecordChecks.present(issuer.name(), "/issuer/name", faults);
        if (RecordChecks.present(issuer.kind(), "/issuer/kind", faults) && !ISSUER_KINDS.contains(issuer.kind())) {
            faults.add(FieldError.atPointer("/issuer/kind", UNKNOWN_ISSUER_KIND,
                    "An issuer's kind is ENTERPRISE, PLATFORM, FINANCIAL_INSTITUTION or OTHER."));
        }
    }

    private static void instrumentFaults(@Nullable String channel, @Nullable String instrument, List<FieldError> faults) {
        boolean knownChannel = false;
        if (RecordChecks.present(channel, "/channel", faults)) {
            knownChannel = INSTRUMENTS.containsKey(channel);
            if (!knownChannel) {
                faults.add(FieldError.atPointer("/channel", UNKNOWN_CHANNEL,
                        "A channel is EXCHANGE_MARKET, INTERBANK_BOND, ENTERPRISE_BOND or OTHER."));
            }
        }
        if (!RecordChecks.present(instrument, "/instrument", faults)) {
            return;
        }
        if (INSTRUMENTS.values().stream().noneMatch(instruments -> instruments.contains(instrument))) {
            faults.add(FieldError.atPointer("/instrument", UNKNOWN_INSTRUMENT, "'" + instrument + "' is no instrument of the standard."));
        } else if (knownChannel && !INSTRUMENTS.get(channel).contains(instrument)) {
            faults.add(FieldError.atPointer("/instrument", INSTRUMENT_NOT_IN_CHANNEL,
                    instrument + " is not an instrument of " + channel + ": " + INSTRUMENTS.get(channel).stream().sorted().toList() + "."));
        }
    }

    private static void underwriterFaults(@Nullable String code, @Nullable Institution institution, @Nullable LocalDate issued,
                                          List<FieldError> faults) {
        if (code == null) {
            return;
        }
        if (institution == null) {
            faults.add(FieldError.atPointer("/leadUnderwriter", UNKNOWN_INSTITUTION,
                    "'" + code + "' is no securities institution in the registry."));
        } else if (issued != null && !institution.isActiveOn(issued)) {
            faults.add(FieldError.atPointer("/leadUnderwriter", INSTITUTION_INACTIVE, code + " is not active on " + issued + "."));
        }
    }
}
