package io.cityfin.reporting.record;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.identity.AccessRule;
import io.cityfin.common.identity.Role;

/**
 * A record type whose records the office's staff write, and the owning institution's SUBMITTER too, its own only:
 * capital market's issues a securities institution led, risk's repayment plans an institution files for itself. Staff
 * read every record, the owner's SUBMITTER its own ({@link RecordType#reader}).
 */
public interface StaffOrOwnerRecordType<T> extends RecordType<T> {

    /** ADMIN and ANALYST write every record; the owner's SUBMITTER only its institution's. */
    @Override
    default AccessRule writer(T content) {
        @Nullable String owner = owner(content);
        return owner == null ? AccessRule.anyOf(Role.ADMIN, Role.ANALYST)
                : new AccessRule("writes only its own institution's " + collection(), caller -> caller.isStaff() || caller.submitsFor(owner));
    }
}
