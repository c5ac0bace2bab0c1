package io.cityfin.reporting.record;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.identity.AccessRule;
import io.cityfin.common.identity.Role;

/**
 * A record type that only the office's staff write and read: ADMIN and ANALYST, no institution's SUBMITTER
 * (data-standard-2.md: enterprises and pipelines, funds, platforms and their ratings). A type whose records an
 * institution writes names it as {@link RecordType#owner}.
 */
public interface StaffRecordType<T> extends RecordType<T> {

    /** No institution owns these records. */
    @Override
    default @Nullable String owner(T content) {
        return null;
    }

    /** ADMIN and ANALYST. */
    @Override
    default AccessRule writer(T content) {
        return AccessRule.anyOf(Role.ADMIN, Role.ANALYST);
    }
}
