package io.cityfin.common.identity;

import org.jspecify.annotations.Nullable;

import reactor.core.publisher.Mono;

/**
 * Which answer of an indicator query a caller gets: {@code STAFF} (ADMIN, ANALYST) sees every figure; {@code PUBLIC}
 * (SUBMITTER, PORTAL, a call without a caller) gets county figures under disclosure control and city-wide-only groups
 * withheld by region. Two callers of one view get the same answer to the same query, so an answer may be kept and
 * served per view (its ETag names the view), never across views.
 */
public enum IndicatorView {
    STAFF, PUBLIC;

    public static IndicatorView of(@Nullable Caller caller) {
        return caller != null && caller.isStaff() ? STAFF : PUBLIC;
    }

    /** The current request's view. */
    public static Mono<IndicatorView> current() {
        return Access.callerIfAny().map(IndicatorView::of).defaultIfEmpty(PUBLIC);
    }
}
