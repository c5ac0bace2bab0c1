package io.cityfin.reporting.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;

import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.CallerAuthentication;
import io.cityfin.common.identity.ForbiddenException;
import io.cityfin.common.identity.Role;
import io.cityfin.common.period.CityClock;
import io.cityfin.common.period.Period;
import io.cityfin.common.problem.InvalidParameterException;
import io.cityfin.common.problem.NotFoundException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class WarningServiceTest {

    private static final Instant NOW = Instant.parse("2022-10-08T09:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryWarnings warnings = new InMemoryWarnings();
    private final WarningService service = new WarningService(warnings, clock);

    @Test
    void marksAWarningReviewedNowByTheCallersKey() {
        warnings.add(7, "BANKA", "2022-08");

        StepVerifier.create(as(Role.ANALYST, service.review(7)))
                .assertNext(warning -> {
                    assertThat(warning.id()).isEqualTo(7);
                    assertThat(warning.reviewedAt()).isEqualTo(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
                    assertThat(warning.reviewedBy()).isEqualTo("key-ANALYST");
                })
                .verifyComplete();
    }

    @Test
    void keepsTheFirstReviewWhenAWarningIsReviewedAgain() {
        warnings.add(7, "BANKA", "2022-08");
        as(Role.ANALYST, service.review(7)).subscribe();
        clock.instant = NOW.plusSeconds(3600);

        StepVerifier.create(as(Role.ADMIN, service.review(7)))
                .assertNext(warning -> {
                    assertThat(warning.reviewedAt()).isEqualTo(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
                    assertThat(warning.reviewedBy()).isEqualTo("key-ANALYST");
                })
                .verifyComplete();
    }

    @Test
    void answersNotFoundForAnUnknownWarning() {
        StepVerifier.create(as(Role.ANALYST, service.review(404)))
                .expectError(NotFoundException.class)
                .verify();
    }

    @Test
    void letsNeitherASubmitterNorThePortalReadOrReview() {
        warnings.add(7, "BANKA", "2022-08");

        for (Role role : List.of(Role.SUBMITTER, Role.PORTAL)) {
            StepVerifier.create(as(role, service.review(7))).expectError(ForbiddenException.class).verify();
            StepVerifier.create(as(role, service.list("2022-08", null))).expectError(ForbiddenException.class).verify();
        }
        assertThat(warnings.stored.get(0).isReviewed()).isFalse();
    }

    @Test
    void listsThePeriodsWarningsWithTheReviewedFilterPassedOn() {
        warnings.add(1, "BANKA", "2022-08");
        warnings.add(2, "BANKB", "2022-08");
        warnings.add(3, "BANKA", "2022-07");
        as(Role.ANALYST, service.review(2)).subscribe();

        StepVerifier.create(as(Role.ANALYST, service.list("2022-08", null).map(ReviewableWarning::id)))
                .expectNext(1L, 2L).verifyComplete();
        StepVerifier.create(as(Role.ADMIN, service.list("2022-08", false).map(ReviewableWarning::id)))
                .expectNext(1L).verifyComplete();
        StepVerifier.create(as(Role.ADMIN, service.list("2022-08", true).map(ReviewableWarning::id)))
                .expectNext(2L).verifyComplete();
    }

    @Test
    void listsRecordWarningsAfterThePeriodsAndAloneWithoutAPeriod() {
        warnings.add(1, "BANKA", "2022-08");
        warnings.addOnRecord(2, "91350100M000100Y43");
        warnings.add(3, "BANKA", "2022-07");

        StepVerifier.create(as(Role.ANALYST, service.list("2022-08", null).map(ReviewableWarning::id)))
                .expectNext(1L, 2L).verifyComplete();
        StepVerifier.create(as(Role.ANALYST, service.list(null, null).map(ReviewableWarning::recordKey)))
                .expectNext("91350100M000100Y43").verifyComplete();
        StepVerifier.create(as(Role.PORTAL, service.list(null, null))).expectError(ForbiddenException.class).verify();
    }

    @Test
    void readsAYearAsItsLastMonth() {
        warnings.add(1, "BANKA", "2021-12");

        StepVerifier.create(as(Role.ANALYST, service.list("2021", null).map(ReviewableWarning::id)))
                .expectNext(1L).verifyComplete();
    }

    @Test
    void refusesAPeriodThatStartsAfterToday() {
        assertThatThrownBy(() -> service.list("2022-11", null))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.errors().get(0).parameter()).isEqualTo("period"));
    }

    private static <T> Mono<T> as(Role role, Mono<T> call) {
        return call.contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication(role)));
    }

    private static <T> Flux<T> as(Role role, Flux<T> call) {
        return call.contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication(role)));
    }

    private static CallerAuthentication authentication(Role role) {
        return new CallerAuthentication(new Caller("key-" + role, EnumSet.of(role), role == Role.SUBMITTER ? "BANKA" : null), "token");
    }

    /** Warnings in memory, all on latest versions, with the adapter's first-review-wins rule. */
    private static final class InMemoryWarnings implements Warnings {

        private final List<ReviewableWarning> stored = new ArrayList<>();

        void add(long id, String institutionCode, String period) {
            stored.add(new ReviewableWarning(id, institutionCode, Period.parse(period), null, null, null, 2, "MOVED_OVER_30_PCT", "/lines/0",
                    "DEPOSIT_BALANCE moved by 40%.", null, null));
        }

        void addOnRecord(long id, String key) {
            stored.add(new ReviewableWarning(id, null, null, "enterprises", java.util.UUID.randomUUID(), key, 3, "REGION_CHANGED", "/region",
                    "The region changed.", null, null));
        }

        @Override
        public Flux<ReviewableWarning> onLatestRecordVersions(@Nullable Boolean reviewed) {
            return Flux.fromIterable(stored).filter(w -> w.collection() != null && (reviewed == null || w.isReviewed() == reviewed));
        }

        @Override
        public Flux<ReviewableWarning> onLatestVersions(Period reportPeriod, @Nullable Boolean reviewed) {
            return Flux.fromIterable(stored)
                    .filter(w -> reportPeriod.equals(w.period()) && (reviewed == null || w.isReviewed() == reviewed));
        }

        @Override
        public Mono<ReviewableWarning> review(long id, OffsetDateTime at, String by) {
            for (int i = 0; i < stored.size(); i++) {
                ReviewableWarning w = stored.get(i);
                if (w.id() == id) {
                    if (!w.isReviewed()) {
                        w = new ReviewableWarning(w.id(), w.institutionCode(), w.period(), w.collection(), w.recordId(), w.recordKey(),
                                w.version(), w.code(), w.pointer(), w.message(), at, by);
                        stored.set(i, w);
                    }
                    return Mono.just(w);
                }
            }
            return Mono.empty();
        }
    }

    /** A clock a test can move on. */
    private static final class MutableClock extends Clock {

        private Instant instant;

        MutableClock(Instant instant) {
            this.instant = instant;
        }

        @Override
        public java.time.ZoneId getZone() {
            return CityClock.ZONE;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return Clock.fixed(instant, zone);
        }

        @Override
        public Instant instant() {
            return instant;
        }
    }
}
