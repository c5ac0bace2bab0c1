package io.cityfin.risk.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.problem.FieldError;
import io.cityfin.reporting.record.RecordChecks;
import io.cityfin.reporting.record.RecordContext;
import io.cityfin.reporting.record.RecordWarning;
import io.cityfin.reporting.record.StaffRecordType;
import io.cityfin.reporting.record.UniqueClaim;
import reactor.core.publisher.Mono;

/**
 * Supervisory actions as records (data-standard-2.md, "Local financial organisations"), written and read by ADMIN and
 * ANALYST. A type judging a write holds the organisation's {@link Supervised} facts, read by the use case first; the
 * bean's instance only reads. Refused (organisations.yaml): a missing type or on ({@code MISSING_VALUE}); an unknown
 * type ({@code UNKNOWN_ACTION_TYPE}); a malformed or future on ({@code INVALID_DATE}, {@code DATE_IN_FUTURE}); on
 * before the organisation's activeFrom ({@code ACTION_BEFORE_ACTIVE_FROM}); PILOT_REVOKED on other than SMALL_LOAN
 * ({@code PILOT_REVOKED_NOT_SMALL_LOAN}); a second ending action ({@code SECOND_ENDING_ACTION}, also claimed uniquely
 * so that of two concurrent ones exactly one wins); an action dated after the ending one ({@code AFTER_ENDING_ACTION});
 * an ending action dated before another action or a rating ({@code ENDING_BEFORE_LATER_RECORD}). Warning: PILOT_REVOKED
 * without two consecutive years rated C by its date ({@code PILOT_REVOKED_WITHOUT_TWO_C_YEARS}).
 */
public class SupervisoryActionType implements StaffRecordType<SupervisoryAction> {

    public static final String COLLECTION = "supervisory-actions";
    public static final String AFTER_ENDING_ACTION = "AFTER_ENDING_ACTION";
    public static final String SECOND_ENDING_ACTION = "SECOND_ENDING_ACTION";
    public static final String PILOT_REVOKED_WITHOUT_TWO_C_YEARS = "PILOT_REVOKED_WITHOUT_TWO_C_YEARS";

    private final Clock clock;
    private final @Nullable Supervised facts;

    private SupervisoryActionType(Clock clock, @Nullable Supervised facts) {
        this.clock = clock;
        this.facts = facts;
    }

    /** The instance that reads and lists actions; it judges no write. */
    public static SupervisoryActionType reading(Clock clock) {
        return new SupervisoryActionType(clock, null);
    }

    /** The instance that judges one write against the organisation's facts. */
    public static SupervisoryActionType judging(Clock clock, Supervised facts) {
        return new SupervisoryActionType(clock, facts);
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Class<SupervisoryAction> contentType() {
        return SupervisoryAction.class;
    }

    @Override
    public Mono<List<FieldError>> faults(SupervisoryAction content, RecordContext context) {
        return Mono.fromSupplier(() -> faults(content));
    }

    /** Every fault of {@code content} against the facts. */
    public List<FieldError> faults(SupervisoryAction content) {
        Supervised supervised = judged();
        List<FieldError> faults = new ArrayList<>();
        boolean known = RecordChecks.present(content.type(), "/type", faults);
        if (known && !SupervisoryAction.TYPES.contains(content.type())) {
            faults.add(FieldError.atPointer("/type", "UNKNOWN_ACTION_TYPE", "A type is one of " + String.join(", ", SupervisoryAction.TYPES) + "."));
            known = false;
        }
        if (known && content.is(SupervisoryAction.PILOT_REVOKED) && !Organisations.SMALL_LOAN.equals(supervised.institution().type())) {
            faults.add(FieldError.atPointer("/type", "PILOT_REVOKED_NOT_SMALL_LOAN", "Only a SMALL_LOAN company's pilot is revoked."));
        }
        SupervisoryAction ending = supervised.ending().orElse(null);
        if (known && content.ends() && ending != null) {
            faults.add(FieldError.atPointer("/type", SECOND_ENDING_ACTION, "The organisation was ended already by " + ending.type()
                    + " on " + ending.on() + "."));
        }
        LocalDate on = RecordChecks.actualDate(content.on(), true, "/on", clock, faults).orElse(null);
        if (on != null) {
            if (on.isBefore(supervised.institution().activeFrom())) {
                faults.add(FieldError.atPointer("/on", "ACTION_BEFORE_ACTIVE_FROM",
                        "The organisation is active from " + supervised.institution().activeFrom() + "."));
            }
            LocalDate ended = ending == null ? null : ending.day();
            if (ended != null && on.isAfter(ended)) {
                faults.add(FieldError.atPointer("/on", AFTER_ENDING_ACTION, "The organisation's ending action is dated " + ended
                        + "; nothing is dated after it."));
            }
            LocalDate latest = supervised.latestRecordDay().orElse(null);
            if (known && content.ends() && latest != null && latest.isAfter(on)) {
                faults.add(FieldError.atPointer("/on", "ENDING_BEFORE_LATER_RECORD", "The organisation has an action or a rating dated "
                        + latest + "; an ending action is dated on or after every one."));
            }
        }
        return faults;
    }

    /** PILOT_REVOKED without two consecutive years rated C (连续两年C级) by its date. */
    @Override
    public List<RecordWarning> warnings(SupervisoryAction content, RecordContext context) {
        LocalDate on = content.day();
        if (content.is(SupervisoryAction.PILOT_REVOKED) && on != null && !Supervised.twoConsecutiveCYears(judged().ratings(), on)) {
            return List.of(new RecordWarning("/type", PILOT_REVOKED_WITHOUT_TWO_C_YEARS,
                    "The pilot is revoked without two consecutive years rated C (连续两年C级) by " + on + "."));
        }
        return List.of();
    }

    /** An organisation has one ending action: of two concurrent ones, exactly one is stored. */
    @Override
    public List<UniqueClaim> claims(SupervisoryAction content) {
        if (!content.ends() || content.institution() == null) {
            return List.of();
        }
        return List.of(UniqueClaim.always("ending", content.institution(), "/type", SECOND_ENDING_ACTION,
                "The organisation has an ending action already."));
    }

    @Override
    public @Nullable LocalDate day(SupervisoryAction content) {
        return content.day();
    }

    @Override
    public @Nullable String region(SupervisoryAction content) {
        return facts == null ? null : facts.institution().region().code();
    }

    private Supervised judged() {
        if (facts == null) {
            throw new IllegalStateException("the reading action type judges no write");
        }
        return facts;
    }
}
