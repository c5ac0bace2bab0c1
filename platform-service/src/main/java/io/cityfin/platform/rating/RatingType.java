package io.cityfin.platform.rating;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.problem.FieldError;
import io.cityfin.platform.registry.Platform;
import io.cityfin.platform.registry.PlatformType;
import io.cityfin.reporting.record.RecordChecks;
import io.cityfin.reporting.record.RecordContext;
import io.cityfin.reporting.record.RecordJson;
import io.cityfin.reporting.record.RecordStatus;
import io.cityfin.reporting.record.StaffRecordType;
import io.cityfin.reporting.record.Records;
import io.cityfin.reporting.record.UniqueClaim;
import reactor.core.publisher.Mono;

/**
 * Ratings as records under their platform (data-standard-2.md, "Credit ratings"), written and read by ADMIN and
 * ANALYST. Refused (the codes of platforms.yaml): a missing member; an unknown agency, rating, outlook or action;
 * OTHER without {@code agencyName}; TERMINATED with a rating, any other action without one; UPGRADED not above,
 * DOWNGRADED not below, AFFIRMED not equal to the same agency's previous rating (its latest rating of the platform
 * dated before {@code ratedOn}, not withdrawn), or no previous rating for them; two ratings of the platform by one
 * agency on one day (a unique claim); {@code ratedOn} after today or after the platform's DEREGISTERED date.
 */
public class RatingType implements StaffRecordType<Rating> {

    public static final String COLLECTION = "ratings";

    private final Clock clock;
    private final Records records;

    public RatingType(Clock clock, Records records) {
        this.clock = clock;
        this.records = records;
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Class<Rating> contentType() {
        return Rating.class;
    }

    /** Every fault, the platform's other ratings (latest versions, not withdrawn) read first. */
    @Override
    public Mono<List<FieldError>> faults(Rating content, RecordContext context) {
        Mono<List<Rating>> others = content.platform() == null ? Mono.just(List.of())
                : records.latestByKey(PlatformType.COLLECTION, content.platform())
                        .flatMapMany(platform -> records.children(COLLECTION, platform.id()))
                        .filter(version -> version.status() == RecordStatus.ACTIVE)
                        .map(version -> RecordJson.read(version.content(), Rating.class))
                        .collectList();
        return others.map(ratings -> faults(content, context.parent(Platform.class).orElse(null), ratings,
                context.previous(Rating.class).orElse(null)));
    }

    /**
     * Every fault of {@code content} of {@code platform}, whose ratings not withdrawn are {@code ratings} (this one's
     * stored version, {@code self}, among them when it is a replacement).
     */
    public List<FieldError> faults(Rating content, @Nullable Platform platform, List<Rating> ratings, @Nullable Rating self) {
        List<FieldError> faults = new ArrayList<>();
        boolean agency = PlatformType.oneOf(content.agency(), Rating.AGENCIES, "/agency", "UNKNOWN_AGENCY",
                "An agency is one of " + String.join(", ", Rating.AGENCIES) + ".", faults);
        if (agency && Rating.OTHER.equals(content.agency())) {
            RecordChecks.present(content.agencyName(), "/agencyName", faults);
        }
        PlatformType.oneOf(content.outlook(), Rating.OUTLOOKS, "/outlook", "UNKNOWN_OUTLOOK", "An outlook is POSITIVE, STABLE, NEGATIVE or DEVELOPING.", faults);
        boolean action = PlatformType.oneOf(content.action(), Rating.ACTIONS, "/action", "UNKNOWN_ACTION",
                "An action is ASSIGNED, AFFIRMED, UPGRADED, DOWNGRADED or TERMINATED.", faults);
        boolean rating = rating(content, action, faults);
        LocalDate rated = RecordChecks.actualDate(content.ratedOn(), true, "/ratedOn", clock, faults).orElse(null);
        LocalDate deregistered = platform == null ? null : platform.deregisteredOn();
        if (rated != null && deregistered != null && rated.isAfter(deregistered)) {
            faults.add(FieldError.atPointer("/ratedOn", "RATED_AFTER_DEREGISTRATION", "The platform was deregistered on " + deregistered + "."));
        }
        if (agency && action && rated != null && !Rating.ASSIGNED.equals(content.action())) {
            Rating previous = previous(content, rated, ratings, self);
            if (previous == null || !previous.stands()) {
                faults.add(FieldError.atPointer("/action", "NO_PREVIOUS_RATING", content.action() + " needs a rating by the same agency "
                        + "before it (not terminated); a first rating is ASSIGNED."));
            } else if (rating) {
                consistent(content, previous, faults);
            }
        }
        return faults;
    }

    /** One rating a platform holds alone: by one agency on one day. */
    @Override
    public List<UniqueClaim> claims(Rating content) {
        if (content.platform() == null || content.agency() == null || content.ratedOn() == null) {
            return List.of();
        }
        return List.of(UniqueClaim.always("agencyDay", content.platform() + "|" + content.agencyKey() + "|" + content.ratedOn(), "/ratedOn",
                "AGENCY_RATED_SAME_DAY", "The platform has a rating by " + content.agencyKey() + " on " + content.ratedOn() + " already."));
    }

    /** The same agency's latest rating dated before {@code rated}, this rating's stored version left out. */
    static @Nullable Rating previous(Rating content, LocalDate rated, List<Rating> ratings, @Nullable Rating self) {
        return ratings.stream()
                .filter(other -> other.agencyKey().equals(content.agencyKey()) && other.ratedOnDay() != null && other.ratedOnDay().isBefore(rated))
                .filter(other -> self == null || !(other.agencyKey().equals(self.agencyKey()) && Objects.equals(other.ratedOn(), self.ratedOn())))
                .max(Comparator.comparing(Rating::ratedOnDay)).orElse(null);
    }

    /** Whether the rating member fits the action (and, when present, is on the scale). */
    private static boolean rating(Rating content, boolean actionKnown, List<FieldError> faults) {
        if (content.rating() == null) {
            if (actionKnown && !Rating.TERMINATED.equals(content.action())) {
                faults.add(FieldError.atPointer("/rating", "RATING_MISSING", content.action() + " carries a rating."));
            }
            return false;
        }
        if (Rating.rank(content.rating()) < 0) {
            faults.add(FieldError.atPointer("/rating", "UNKNOWN_RATING", "A rating is one of " + String.join(", ", Rating.SCALE) + "."));
            return false;
        }
        if (Rating.TERMINATED.equals(content.action())) {
            faults.add(FieldError.atPointer("/rating", "RATING_NOT_ALLOWED", "A TERMINATED action carries no rating."));
            return false;
        }
        return true;
    }

    private static void consistent(Rating content, Rating previous, List<FieldError> faults) {
        int now = Rating.rank(content.rating());
        int before = Rating.rank(previous.rating());
        String was = " the agency's previous rating, " + previous.rating() + " on " + previous.ratedOn() + ".";
        switch (String.valueOf(content.action())) {
            case Rating.UPGRADED -> {
                if (now >= before) {
                    faults.add(FieldError.atPointer("/rating", "NOT_AN_UPGRADE", "UPGRADED is above" + was));
                }
            }
            case Rating.DOWNGRADED -> {
                if (now <= before) {
                    faults.add(FieldError.atPointer("/rating", "NOT_A_DOWNGRADE", "DOWNGRADED is below" + was));
                }
            }
            case Rating.AFFIRMED -> {
                if (now != before) {
                    faults.add(FieldError.atPointer("/rating", "NOT_AFFIRMED", "AFFIRMED equals" + was));
                }
            }
            default -> {
                // TERMINATED carries no rating; ASSIGNED needs no previous one
            }
        }
    }
}
