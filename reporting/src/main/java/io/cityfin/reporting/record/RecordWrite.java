package io.cityfin.reporting.record;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A version to store and what goes with it: the owner and region its record is listed under, the values it claims
 * uniquely (none for a withdrawal) and the warnings it is accepted with.
 */
public record RecordWrite(RecordVersion version, @Nullable String owner, @Nullable String region, List<UniqueClaim> claims,
                          List<RecordWarning> warnings) {

    public RecordWrite {
        claims = List.copyOf(claims);
        warnings = List.copyOf(warnings);
    }
}
