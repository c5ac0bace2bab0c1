package io.cityfin.reporting.record;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A version to store and what goes with it: the owner and region its record is listed under, the values it claims
 * uniquely (none for a withdrawal), the warnings it is accepted with and the day of its latest event
 * ({@link RecordType#day}), which the {@link RecordAccepted} event carries once it is stored.
 */
public record RecordWrite(RecordVersion version, @Nullable String owner, @Nullable String region, List<UniqueClaim> claims,
                          List<RecordWarning> warnings, @Nullable LocalDate day) {

    public RecordWrite {
        claims = List.copyOf(claims);
        warnings = List.copyOf(warnings);
    }

    public RecordWrite(RecordVersion version, @Nullable String owner, @Nullable String region, List<UniqueClaim> claims,
                       List<RecordWarning> warnings) {
        this(version, owner, region, claims, warnings, null);
    }
}
