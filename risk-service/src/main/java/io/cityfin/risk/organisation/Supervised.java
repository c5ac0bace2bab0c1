package io.cityfin.risk.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.cityfin.reporting.institution.Institution;

/**
 * What a rating's or an action's rules judge it against: the organisation's registry entry and its other ratings and
 * actions not withdrawn (the one being written left out).
 */
public record Supervised(Institution institution, List<OrganisationRating> ratings, List<SupervisoryAction> actions) {

    public Supervised {
        ratings = List.copyOf(ratings);
        actions = List.copyOf(actions);
    }

    /** The organisation's ending action among the others, if it has one. */
    public Optional<SupervisoryAction> ending() {
        return actions.stream().filter(SupervisoryAction::ends).findFirst();
    }

    /** The latest date among the other actions and the ratings (their on / ratedOn), if any. */
    public Optional<LocalDate> latestRecordDay() {
        return java.util.stream.Stream.concat(actions.stream().map(SupervisoryAction::day), ratings.stream().map(OrganisationRating::ratedOnDay))
                .filter(java.util.Objects::nonNull).max(LocalDate::compareTo);
    }

    /**
     * Whether two consecutive years were rated C (连续两年C级) by {@code day}: ratings of years y−1 and y, both C, both
     * rated on or before it.
     */
    public static boolean twoConsecutiveCYears(List<OrganisationRating> ratings, LocalDate day) {
        return longestCRun(ratings, day) >= 2;
    }

    /** The longest run of consecutive years rated C by {@code day}. */
    public static int longestCRun(List<OrganisationRating> ratings, LocalDate day) {
        java.util.Set<Integer> years = new java.util.TreeSet<>();
        ratings.stream().filter(r -> r.year() != null && r.isCBy(day)).forEach(r -> years.add(r.year()));
        int best = 0;
        int run = 0;
        Integer last = null;
        for (int year : years) {
            run = last != null && year == last + 1 ? run + 1 : 1;
            best = Math.max(best, run);
            last = year;
        }
        return best;
    }
}
