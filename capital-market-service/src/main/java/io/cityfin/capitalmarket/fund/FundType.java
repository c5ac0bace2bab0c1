package io.cityfin.capitalmarket.fund;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.identity.AccessRule;
import io.cityfin.common.identity.Role;
import io.cityfin.common.problem.FieldError;
import io.cityfin.reporting.record.RecordChecks;
import io.cityfin.reporting.record.RecordContext;
import io.cityfin.reporting.record.StaffRecordType;
import io.cityfin.reporting.record.UniqueClaim;
import reactor.core.publisher.Mono;

/**
 * Private funds as records (data-standard-2.md, "Private funds and their investments"): refused when a member is
 * missing or malformed, a date is after today, liquidated before established, the filing half given, the AMAC
 * fund code not {@code S[0-9A-Z]{5}} or on another fund, the manager's number not {@code P\d{7}}. Staff only.
 */
public record FundType(Clock clock) implements StaffRecordType<Fund> {

    public static final String COLLECTION = "private-funds";
    public static final String AMAC_CODE_TAKEN = "AMAC_CODE_TAKEN";
    public static final String INVALID_AMAC_CODE = "INVALID_AMAC_CODE";
    public static final String INVALID_AMAC_NO = "INVALID_AMAC_NO";
    public static final String AMAC_FILING_INCOMPLETE = "AMAC_FILING_INCOMPLETE";
    public static final String LIQUIDATED_BEFORE_ESTABLISHED = "LIQUIDATED_BEFORE_ESTABLISHED";

    static final AccessRule STAFF = AccessRule.anyOf(Role.ADMIN, Role.ANALYST);
    private static final Pattern AMAC_CODE = Pattern.compile("S[0-9A-Z]{5}");
    private static final Pattern AMAC_NO = Pattern.compile("P\\d{7}");

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Class<Fund> contentType() {
        return Fund.class;
    }

    @Override
    public Mono<List<FieldError>> faults(Fund content, RecordContext context) {
        List<FieldError> faults = new ArrayList<>();
        RecordChecks.present(content.name(), "/name", faults);
        RecordChecks.countyRegion(content.region(), "/region", faults);
        Optional<LocalDate> established = RecordChecks.actualDate(content.establishedOn(), true, "/establishedOn", clock, faults);
        Optional<LocalDate> liquidated = RecordChecks.actualDate(content.liquidatedOn(), false, "/liquidatedOn", clock, faults);
        if (established.isPresent() && liquidated.isPresent() && liquidated.get().isBefore(established.get())) {
            faults.add(FieldError.atPointer("/liquidatedOn", LIQUIDATED_BEFORE_ESTABLISHED, "A fund is liquidated on or after its establishment."));
        }
        managerFaults(content.manager(), faults);
        filingFaults(content, faults);
        return Mono.just(faults);
    }

    @Override
    public List<UniqueClaim> claims(Fund content) {
        return content.amacCode() == null ? List.of() : List.of(UniqueClaim.always("amacCode", content.amacCode(), "/amacCode",
                AMAC_CODE_TAKEN, "AMAC fund code " + content.amacCode() + " is on another fund."));
    }

    @Override
    public @Nullable String region(Fund content) {
        return content.region();
    }

    private static void managerFaults(Fund.@Nullable Manager manager, List<FieldError> faults) {
        if (!RecordChecks.present(manager, "/manager", faults)) {
            return;
        }
        RecordChecks.present(manager.name(), "/manager/name", faults);
        if (RecordChecks.present(manager.amacNo(), "/manager/amacNo", faults) && !AMAC_NO.matcher(manager.amacNo()).matches()) {
            faults.add(FieldError.atPointer("/manager/amacNo", INVALID_AMAC_NO, "A manager's AMAC registration number is P and 7 digits."));
        }
    }

    private void filingFaults(Fund content, List<FieldError> faults) {
        if (content.amacCode() != null && !AMAC_CODE.matcher(content.amacCode()).matches()) {
            faults.add(FieldError.atPointer("/amacCode", INVALID_AMAC_CODE, "An AMAC fund code is S and 5 of 0-9 A-Z."));
        }
        RecordChecks.actualDate(content.amacFiledOn(), false, "/amacFiledOn", clock, faults);
        if (content.amacCode() != null && content.amacFiledOn() == null) {
            faults.add(FieldError.atPointer("/amacFiledOn", AMAC_FILING_INCOMPLETE, "A fund with an AMAC code has its filing date."));
        } else if (content.amacCode() == null && content.amacFiledOn() != null) {
            faults.add(FieldError.atPointer("/amacCode", AMAC_FILING_INCOMPLETE, "A fund with a filing date has its AMAC code."));
        }
    }
}
