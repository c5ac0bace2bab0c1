package io.cityfin.reporting.record;

import io.cityfin.common.identity.AccessRule;

/**
 * A record type staff write (ADMIN and ANALYST) and every role reads, PORTAL and SUBMITTER included: what is public
 * anyway, such as the figures a public document printed. Its lists are not cut to a SUBMITTER's own records.
 */
public interface PublicRecordType<T> extends StaffRecordType<T> {

    /** Every role. */
    @Override
    default AccessRule reader(T content) {
        return AccessRule.anyRole();
    }

    @Override
    default boolean readByEveryRole() {
        return true;
    }
}
