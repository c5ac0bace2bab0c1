package io.cityfin.risk.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.problem.FieldError;
import io.cityfin.reporting.record.RecordChecks;
import io.cityfin.reporting.record.RecordContext;
import io.cityfin.reporting.record.StaffRecordType;
import reactor.core.publisher.Mono;

/**
 * Classification ratings as records keyed {@code <code>/<year>} (data-standard-2.md, "Local financial organisations"),
 * written and read by ADMIN and ANALYST. A type judging a write holds the organisation's {@link Supervised} facts, read
 * by the use case first; the bean's instance only reads. Refused (organisations.yaml): a missing grade or ratedOn
 * ({@code MISSING_VALUE}); a grade other than A, B or C ({@code UNKNOWN_GRADE}); a malformed or future ratedOn
 * ({@code INVALID_DATE}, {@code DATE_IN_FUTURE}); a ratedOn not in the year or the year after ({@code
 * RATED_OUTSIDE_YEAR}); a ratedOn after the organisation's ending action ({@code AFTER_ENDING_ACTION}).
 */
public class OrganisationRatingType implements StaffRecordType<OrganisationRating> {

    public static final String COLLECTION = "organisation-ratings";

    private final Clock clock;
    private final @Nullable Supervised facts;

    private OrganisationRatingType(Clock clock, @Nullable Supervised facts) {
        this.clock = clock;
        this.facts = facts;
    }

    /** The instance that reads and lists ratings; it judges no write. */
    public static OrganisationRatingType reading(Clock clock) {
        return new OrganisationRatingType(clock, null);
    }

    /** The instance that judges one write against the organisation's facts. */
    public static OrganisationRatingType judging(Clock clock, Supervised facts) {
        return new OrganisationRatingType(clock, facts);
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Class<OrganisationRating> contentType() {
        return OrganisationRating.class;
    }

    @Override
    public Mono<List<FieldError>> faults(OrganisationRating content, RecordContext context) {
        return Mono.fromSupplier(() -> faults(content));
    }

    /** Every fault of {@code content} against the facts. */
    public List<FieldError> faults(OrganisationRating content) {
        Supervised supervised = judged();
        List<FieldError> faults = new ArrayList<>();
        if (RecordChecks.present(content.grade(), "/grade", faults) && !OrganisationRating.GRADES.contains(content.grade())) {
            faults.add(FieldError.atPointer("/grade", "UNKNOWN_GRADE", "A grade is A, B or C."));
        }
        LocalDate rated = RecordChecks.actualDate(content.ratedOn(), true, "/ratedOn", clock, faults).orElse(null);
        if (rated != null && content.year() != null && rated.getYear() != content.year() && rated.getYear() != content.year() + 1) {
            faults.add(FieldError.atPointer("/ratedOn", "RATED_OUTSIDE_YEAR",
                    "A rating of " + content.year() + " is given in " + content.year() + " or " + (content.year() + 1) + "."));
        }
        LocalDate ended = supervised.ending().map(SupervisoryAction::day).orElse(null);
        if (rated != null && ended != null && rated.isAfter(ended)) {
            faults.add(FieldError.atPointer("/ratedOn", SupervisoryActionType.AFTER_ENDING_ACTION,
                    "The organisation's ending action is dated " + ended + "; nothing is dated after it."));
        }
        return faults;
    }

    @Override
    public @Nullable LocalDate day(OrganisationRating content) {
        return content.ratedOnDay();
    }

    @Override
    public @Nullable String region(OrganisationRating content) {
        return facts == null ? null : facts.institution().region().code();
    }

    private Supervised judged() {
        if (facts == null) {
            throw new IllegalStateException("the reading rating type judges no write");
        }
        return facts;
    }
}
