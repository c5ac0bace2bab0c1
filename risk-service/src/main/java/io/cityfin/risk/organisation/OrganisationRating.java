package io.cityfin.risk.organisation;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cityfin.reporting.record.RecordChecks;

/**
 * An annual classification rating (分类评级) of an organisation as sent to {@code PUT /institutions/{code}/ratings/{year}},
 * with the wire's loose types; {@code institution} and {@code year} come from the path, never sent. Its natural key is
 * {@code <code>/<year>}: one rating per organisation and year.
 */
public record OrganisationRating(@Nullable String institution, @Nullable Integer year, @Nullable String grade, @Nullable String ratedOn) {

    public static final String C = "C";
    public static final List<String> GRADES = List.of("A", "B", C);

    public static String key(String institution, int year) {
        return institution + "/" + year;
    }

    public @Nullable LocalDate ratedOnDay() {
        return RecordChecks.dayOrNull(ratedOn);
    }

    /** Rated C, and rated by {@code day} (its ratedOn on or before it). */
    public boolean isCBy(LocalDate day) {
        LocalDate rated = ratedOnDay();
        return C.equals(grade) && rated != null && !rated.isAfter(day);
    }
}
