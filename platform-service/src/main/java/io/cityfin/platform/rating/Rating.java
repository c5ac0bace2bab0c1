package io.cityfin.platform.rating;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.cityfin.reporting.record.RecordChecks;

/**
 * An issuer credit rating (主体评级) of a platform as sent to {@code POST /platforms/{uscc}/ratings} (data-standard-2.md,
 * "Credit ratings"), with the wire's loose types; {@code platform} is the rated platform's USCC, taken from the path,
 * never sent. A platform's rating at D is the highest of each agency's latest rating dated on or before D, an agency's
 * TERMINATED removing its rating.
 */
public record Rating(@Nullable String platform, @Nullable String agency, @Nullable String agencyName, @Nullable String rating,
                     @Nullable String outlook, @Nullable String action, @Nullable String ratedOn) {

    public static final String OTHER = "OTHER";
    public static final String ASSIGNED = "ASSIGNED";
    public static final String AFFIRMED = "AFFIRMED";
    public static final String UPGRADED = "UPGRADED";
    public static final String DOWNGRADED = "DOWNGRADED";
    public static final String TERMINATED = "TERMINATED";
    public static final List<String> AGENCIES = List.of("CCXI", "LIANHE", "GOLDEN_CREDIT", "DAGONG", "PENGYUAN", "BRILLIANCE", "FAR_EAST", OTHER);
    /** The scale, high to low. */
    public static final List<String> SCALE = List.of("AAA", "AA+", "AA", "AA-", "A+", "A", "A-", "BBB+", "BBB", "BBB-", "BB+", "BB", "BB-",
            "B+", "B", "B-", "CCC", "CC", "C");
    public static final List<String> OUTLOOKS = List.of("POSITIVE", "STABLE", "NEGATIVE", "DEVELOPING");
    public static final List<String> ACTIONS = List.of(ASSIGNED, AFFIRMED, UPGRADED, DOWNGRADED, TERMINATED);

    public @Nullable LocalDate ratedOnDay() {
        return RecordChecks.dayOrNull(ratedOn);
    }

    /** The agency as told apart from the others: its code, and an OTHER agency's name. */
    public String agencyKey() {
        return OTHER.equals(agency) ? OTHER + ":" + agencyName : String.valueOf(agency);
    }

    /** Whether the rating stands (not a termination, a known rating). */
    boolean stands() {
        return !TERMINATED.equals(action) && rank(rating) >= 0;
    }

    /** The place on the scale, 0 for AAA; −1 for none or unknown. */
    public static int rank(@Nullable String rating) {
        return rating == null ? -1 : SCALE.indexOf(rating);
    }

    /** Whether {@code rating} is {@code floor} or above. */
    public static boolean atLeast(@Nullable String rating, String floor) {
        int rank = rank(rating);
        return rank >= 0 && rank <= rank(floor);
    }

    /**
     * The platform's rating at {@code day} from its {@code ratings} (none withdrawn): each agency's latest rating dated on
     * or before it, a TERMINATED one removing the agency's; the highest of those. Empty when none stands.
     */
    public static Optional<String> at(List<Rating> ratings, LocalDate day) {
        Map<String, Rating> latest = new HashMap<>();
        for (Rating rating : ratings) {
            LocalDate rated = rating.ratedOnDay();
            if (rated == null || rated.isAfter(day)) {
                continue;
            }
            latest.merge(rating.agencyKey(), rating, (one, other) -> other.ratedOnDay().isAfter(one.ratedOnDay()) ? other : one);
        }
        return latest.values().stream().filter(Rating::stands).map(Rating::rating).min(Comparator.comparingInt(Rating::rank));
    }
}
