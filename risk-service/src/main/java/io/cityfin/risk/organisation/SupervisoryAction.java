package io.cityfin.risk.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cityfin.reporting.record.RecordChecks;

/**
 * A supervisory action on an organisation as sent to {@code POST /institutions/{code}/actions} and {@code PUT
 * /actions/{id}}, with the wire's loose types; {@code institution} is the path's code, never sent (a replacement keeps
 * the stored one). An ending action (an exit, a revoked pilot) ends the organisation on its date {@code on}.
 */
public record SupervisoryAction(@Nullable String institution, @Nullable String type, @Nullable String on, @Nullable String documentNo,
                                @Nullable String note) {

    public static final String ON_SITE_INSPECTION = "ON_SITE_INSPECTION";
    public static final String ANNUAL_REVIEW = "ANNUAL_REVIEW";
    public static final String SUPERVISORY_LETTER = "SUPERVISORY_LETTER";
    public static final String EXIT_NOTICE = "EXIT_NOTICE";
    public static final String PERSUADED_EXIT = "PERSUADED_EXIT";
    public static final String PILOT_REVOKED = "PILOT_REVOKED";
    public static final String OTHER_EXIT = "OTHER_EXIT";
    public static final List<String> TYPES = List.of(ON_SITE_INSPECTION, ANNUAL_REVIEW, SUPERVISORY_LETTER, EXIT_NOTICE, PERSUADED_EXIT,
            PILOT_REVOKED, OTHER_EXIT);
    public static final Set<String> ENDING = Set.of(PERSUADED_EXIT, PILOT_REVOKED, OTHER_EXIT);

    public @Nullable LocalDate day() {
        return RecordChecks.dayOrNull(on);
    }

    /** Whether the action ends the organisation on its date. */
    public boolean ends() {
        return type != null && ENDING.contains(type);
    }

    public boolean is(String actionType) {
        return actionType.equals(type);
    }
}
