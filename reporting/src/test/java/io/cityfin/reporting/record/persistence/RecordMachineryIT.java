package io.cityfin.reporting.record.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;

import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.CallerAuthentication;
import io.cityfin.common.identity.Role;
import io.cityfin.common.problem.FieldError;
import io.cityfin.common.problem.NotFoundException;
import io.cityfin.common.problem.RuleViolationException;
import io.cityfin.common.test.WithOwnPostgres;
import io.cityfin.reporting.record.RecordContext;
import io.cityfin.reporting.record.RecordFamily;
import io.cityfin.reporting.record.RecordQuery;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.RecordType;
import io.cityfin.reporting.record.RecordView;
import io.cityfin.reporting.record.RecordWarning;
import io.cityfin.reporting.record.Records;
import io.cityfin.reporting.record.Ref;
import io.cityfin.reporting.record.StoredRecord;
import io.cityfin.reporting.record.UniqueClaim;
import io.cityfin.reporting.record.Written;
import io.cityfin.reporting.warning.ReviewableWarning;
import io.cityfin.reporting.warning.Warnings;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The record machinery's adapter on real PostgreSQL, with two collections of its own (stalls keyed by a code, each
 * with a licence number it holds alone over dated terms; and their fees, under a stall): unique values under
 * concurrent writes, natural keys written twice at once, parents, paging and filtering in the database, and warnings
 * stored on versions and listed for review.
 */
@SpringBootTest(classes = RecordMachineryIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"cityfin.database=records", "spring.flyway.locations=classpath:db/reporting", "spring.application.name=records-it",
        "management.endpoint.health.group.readiness.include=readinessState"})
@WithOwnPostgres
class RecordMachineryIT {

    private static final Caller ADMIN = new Caller("admin-key", EnumSet.of(Role.ADMIN), null);

    @Autowired
    private Records records;
    @Autowired
    private Warnings warnings;

    private RecordService<Stall> stalls;
    private RecordService<Fee> fees;

    @Autowired
    void services(Records records) {
        Clock clock = Clock.fixed(Instant.parse("2022-10-10T02:00:00Z"), ZoneOffset.UTC);
        stalls = new RecordService<>(records, new StallType(), clock);
        fees = new RecordService<>(records, new FeeType(), clock).under(stalls);
    }

    @Test
    void ofConcurrentWritesClaimingOneValueForOverlappingTermsExactlyOneIsStored() {
        String licence = "L-" + UUID.randomUUID();
        AtomicInteger refused = new AtomicInteger();
        List<Written<Stall>> stored = Flux.range(0, 8)
                .flatMap(i -> as(ADMIN, stalls.put("race-" + licence + "-" + i, stall("361002", licence, "2022-0" + (1 + i % 3) + "-01", null),
                        null, null)).subscribeOn(Schedulers.parallel())
                        .onErrorResume(RuleViolationException.class, e -> {
                            assertThat(e.errors()).extracting(FieldError::pointer, FieldError::code)
                                    .containsExactly(tuple("/licence", "LICENCE_TAKEN"));
                            refused.incrementAndGet();
                            return Mono.empty();
                        }))
                .collectList().block();

        assertThat(stored).hasSize(1);
        assertThat(refused).hasValue(7);
        // nothing of a refused write is left: its key is still free for another licence
        String loser = "race-" + licence + "-" + (stored.get(0).record().key().endsWith("-0") ? 1 : 0);
        assertThatThrownBy(() -> as(ADMIN, stalls.latest(loser)).block()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void letsOneValueBeHeldByTwoRecordsOverTermsThatDoNotOverlapAndFreesItOnWithdrawal() {
        String licence = "L-" + UUID.randomUUID();
        as(ADMIN, stalls.put("first-" + licence, stall("361002", licence, "2020-01-01", "2021-01-01"), null, null)).block();
        as(ADMIN, stalls.put("second-" + licence, stall("361002", licence, "2021-01-01", null), null, null)).block();

        assertThatThrownBy(() -> as(ADMIN, stalls.put("third-" + licence, stall("361002", licence, "2020-06-01", "2020-07-01"), null, null)).block())
                .isInstanceOf(RuleViolationException.class);
        as(ADMIN, stalls.put("first-" + licence, stall("361002", licence, "2020-01-01", "2021-01-01"), "WITHDRAWN", null)).block();

        Written<Stall> third = as(ADMIN, stalls.put("third-" + licence, stall("361002", licence, "2020-06-01", "2020-07-01"), null, null)).block();
        assertThat(third.created()).isTrue();
        // restoring the withdrawn one would claim the licence again: refused, the withdrawal stays the latest version
        assertThatThrownBy(() -> as(ADMIN, stalls.put("first-" + licence, stall("361002", licence, "2020-01-01", "2021-01-01"), null, null)).block())
                .isInstanceOf(RuleViolationException.class);
        assertThat(as(ADMIN, stalls.latest("first-" + licence)).block().version()).isEqualTo(2);
    }

    @Test
    void makesOneRecordOfTwoFirstWritesOfOneKeyAtOnce() {
        String key = "twice-" + UUID.randomUUID();
        List<Written<Stall>> both = Flux.just("361002", "361021")
                .flatMap(region -> as(ADMIN, stalls.put(key, stall(region, null, "2022-01-01", null), null, null)).subscribeOn(Schedulers.parallel()))
                .collectList().block();

        assertThat(both).extracting(written -> written.record().id()).containsOnly(both.get(0).record().id());
        assertThat(both).extracting(written -> written.record().version()).containsExactlyInAnyOrder(1, 2);
        assertThat(both).filteredOn(Written::created).hasSize(2);
        assertThat(as(ADMIN, stalls.versions(key).collectList()).block()).hasSize(2);
    }

    @Test
    void keepsChildrenUnderTheirParentAndGivesIndicatorsTheParentsLatestContent() {
        String key = "parent-" + UUID.randomUUID();
        as(ADMIN, stalls.put(key, stall("361021", null, "2022-01-01", null), null, null)).block();
        UUID fee = as(ADMIN, fees.create(Ref.key(key), "fee-" + key, new Fee(new BigDecimal("12.50")), null)).block().record().id();
        as(ADMIN, stalls.put(key, stall("361023", null, "2022-01-01", null), null, null)).block();

        assertThatThrownBy(() -> as(ADMIN, fees.create(Ref.key("no-such-" + key), "fee2-" + key, new Fee(BigDecimal.ONE), null)).block())
                .isInstanceOf(NotFoundException.class);
        UUID parentId = as(ADMIN, stalls.latest(key)).block().id();
        assertThat(as(ADMIN, fees.children(parentId).collectList()).block()).extracting(StoredRecord::id).containsExactly(fee);
        RecordView<Fee> view = fees.activeViews().filter(v -> v.id().equals(fee)).blockFirst();
        as(ADMIN, fees.create(Ref.key(key), "fee3-" + key, new Fee(new BigDecimal("3")), null)).block();
        UUID withdrawn = as(ADMIN, fees.create(Ref.key(key), "fee4-" + key, new Fee(new BigDecimal("4")), null)).block().record().id();
        as(ADMIN, fees.replace(withdrawn, new Fee(new BigDecimal("4")), "WITHDRAWN")).block();
        String childless = "childless-" + key;
        as(ADMIN, stalls.put(childless, stall("361024", null, "2022-01-01", null), null, null)).block();
        Map<String, List<BigDecimal>> families = stalls.activeFamilies(fees).filter(f -> f.key().endsWith(key))
                .collectMap(RecordFamily::key, f -> f.children().stream().map(Fee::amount).sorted().toList()).block();
        assertThat(families).containsOnlyKeys(key, childless);
        assertThat(families.get(key)).containsExactly(new BigDecimal("3"), new BigDecimal("12.5"));
        assertThat(families.get(childless)).isEmpty();
        // a withdrawn parent takes its children out of the indicators' rows
        as(ADMIN, stalls.put(key, stall("361023", null, "2022-01-01", null), "WITHDRAWN", null)).block();
        assertThat(fees.activeViews().filter(v -> v.id().equals(fee)).collectList().block()).isEmpty();
        assertThat(view.parent(Stall.class)).get().extracting(Stall::region).isEqualTo("361023");
        // the rules saw the parent too: a fee above the stall's region-coded cap (its last three digits) is refused
        assertThatThrownBy(() -> as(ADMIN, fees.replace(fee, new Fee(new BigDecimal("24")), null)).block())
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.errors()).extracting(FieldError::code)
                        .containsExactly("ABOVE_CAP"));
    }

    @Test
    void filtersOrdersAndCutsListsInTheDatabase() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String key = "page-" + tag + "-" + i;
            keys.add(key);
            as(ADMIN, stalls.put(key, new Stall(i % 2 == 0 ? "361027" : "361028", null, "2022-0" + (7 - i % 7) + "-01", null, tag,
                    List.of(new Tag(i < 3 ? "EAST" : "WEST"))), null, null)).block();
        }

        var everyEven = as(ADMIN, stalls.page(RecordQuery.all().where("market", tag).region("361027").orderBy("opened").page(1, 2))).block();
        assertThat(everyEven.total()).isEqualTo(4);
        assertThat(everyEven.items()).extracting(StoredRecord::key).containsExactly(keys.get(4), keys.get(2));
        var east = as(ADMIN, stalls.page(RecordQuery.all().where("market", tag).whereAny("tags", Map.of("side", "EAST")))).block();
        assertThat(east.items()).extracting(StoredRecord::key).containsExactly(keys.get(0), keys.get(1), keys.get(2));
        var summer = as(ADMIN, stalls.page(RecordQuery.all().where("market", tag).dated("opened", LocalDate.of(2022, 6, 1), LocalDate.of(2022, 7, 31)))).block();
        assertThat(summer.items()).extracting(StoredRecord::key).containsExactly(keys.get(0), keys.get(1));
        Caller submitter = new Caller("sub-key", EnumSet.of(Role.SUBMITTER), "361028");
        var own = as(submitter, stalls.page(RecordQuery.all().where("market", tag))).block();
        assertThat(own.items()).extracting(record -> record.content().region()).containsOnly("361028");
        assertThat(own.total()).isEqualTo(3);
    }

    @Test
    void storesWarningsOnTheVersionAndListsThoseOfLatestVersionsForReview() {
        String key = "warned-" + UUID.randomUUID();
        as(ADMIN, stalls.put(key, stall("361002", null, "2022-01-01", null), null, null)).block();
        Written<Stall> moved = as(ADMIN, stalls.put(key, stall("361003", null, "2022-01-01", null), null, null)).block();

        assertThat(moved.record().warnings()).extracting(RecordWarning::pointer, RecordWarning::code).containsExactly(tuple("/region", "REGION_CHANGED"));
        assertThat(as(ADMIN, stalls.latest(key)).block().warnings()).hasSize(1);
        ReviewableWarning listed = warnings.onLatestRecordVersions(false).filter(w -> key.equals(w.recordKey())).blockFirst();
        assertThat(listed.collection()).isEqualTo("stalls");
        assertThat(listed.version()).isEqualTo(2);
        ReviewableWarning reviewed = warnings.review(listed.id(), java.time.OffsetDateTime.now(ZoneOffset.UTC), "analyst-key").block();
        assertThat(reviewed.reviewedBy()).isEqualTo("analyst-key");
        assertThat(warnings.onLatestRecordVersions(false).filter(w -> key.equals(w.recordKey())).collectList().block()).isEmpty();

        as(ADMIN, stalls.put(key, stall("361003", null, "2022-02-01", null), null, null)).block();
        assertThat(warnings.onLatestRecordVersions(null).filter(w -> key.equals(w.recordKey())).collectList().block()).isEmpty();
    }

    private static Stall stall(String region, @Nullable String licence, String from, @Nullable String until) {
        return new Stall(region, licence, from, until, "market", List.of());
    }

    private static <T> Mono<T> as(Caller caller, Mono<T> call) {
        return call.contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(caller, "token")));
    }

    private static <T> Flux<T> as(Caller caller, Flux<T> call) {
        return call.contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(caller, "token")));
    }

    record Stall(String region, @Nullable String licence, String opened, @Nullable String closed, String market, List<Tag> tags) {
    }

    record Tag(String side) {
    }

    record Fee(BigDecimal amount) {
    }

    /** Stalls: the licence is held alone over [opened, closed); owned by their region (to test the owner filter). */
    static final class StallType implements RecordType<Stall> {
        @Override
        public String collection() {
            return "stalls";
        }

        @Override
        public Class<Stall> contentType() {
            return Stall.class;
        }

        @Override
        public Mono<List<FieldError>> faults(Stall content, RecordContext context) {
            return Mono.just(List.of());
        }

        @Override
        public List<RecordWarning> warnings(Stall content, RecordContext context) {
            return context.previous(Stall.class).filter(previous -> !previous.region().equals(content.region()))
                    .map(previous -> List.of(new RecordWarning("/region", "REGION_CHANGED", "moved"))).orElse(List.of());
        }

        @Override
        public List<UniqueClaim> claims(Stall content) {
            return content.licence() == null ? List.of() : List.of(new UniqueClaim("licence", content.licence(), LocalDate.parse(content.opened()),
                    content.closed() == null ? null : LocalDate.parse(content.closed()), "/licence", "LICENCE_TAKEN", "held by another stall"));
        }

        @Override
        public String region(Stall content) {
            return content.region();
        }

        @Override
        public String owner(Stall content) {
            return content.region();
        }
    }

    /** Fees under a stall: at most the stall's region code's last three digits (a rule that needs the parent). */
    static final class FeeType implements RecordType<Fee> {
        @Override
        public String collection() {
            return "fees";
        }

        @Override
        public Class<Fee> contentType() {
            return Fee.class;
        }

        @Override
        public Mono<List<FieldError>> faults(Fee content, RecordContext context) {
            BigDecimal cap = context.parent(Stall.class).map(stall -> new BigDecimal(stall.region().substring(3))).orElseThrow();
            return Mono.just(content.amount().compareTo(cap) > 0 ? List.of(FieldError.atPointer("/amount", "ABOVE_CAP", "above the cap")) : List.of());
        }

        @Override
        public @Nullable String owner(Fee content) {
            return null;
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan(basePackages = {"io.cityfin.reporting.record.persistence", "io.cityfin.reporting.warning.persistence"})
    static class App {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
