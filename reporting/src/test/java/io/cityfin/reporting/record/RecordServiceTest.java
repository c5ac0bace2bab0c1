package io.cityfin.reporting.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;

import io.cityfin.common.http.IfMatch;
import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.CallerAuthentication;
import io.cityfin.common.identity.ForbiddenException;
import io.cityfin.common.identity.Role;
import io.cityfin.common.problem.FieldError;
import io.cityfin.common.problem.InvalidParameterException;
import io.cityfin.common.problem.NotFoundException;
import io.cityfin.common.problem.PreconditionFailedException;
import io.cityfin.common.problem.RuleViolationException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class RecordServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2022-10-10T02:00:00Z"));
    private final InMemoryRecords records = new InMemoryRecords();
    private final RecordService<Note> service = new RecordService<>(records, new NoteType(), clock);

    @Test
    void createsVersionOneWithTheCanonicalHashAndWhoRecordedIt() {
        Written<Note> written = as(Role.SUBMITTER, "INS1", service.create("k1", note("INS1", "1.50"), null)).block();

        assertThat(written.created()).isTrue();
        assertThat(written.record().version()).isEqualTo(1);
        assertThat(written.record().status()).isEqualTo(RecordStatus.ACTIVE);
        assertThat(written.record().recordedBy()).isEqualTo("key-SUBMITTER");
        assertThat(written.record().recordedFor()).isEqualTo("INS1");
        assertThat(written.record().contentHash()).isEqualTo(CanonicalJson.sha256("{\"owner\":\"INS1\",\"amount\":\"1.5\"}"));
    }

    @Test
    void answersTheSameKeyAndBodyWithTheFirstAnswerAndStoresNothing() {
        Written<Note> first = as(Role.ADMIN, null, service.create("k1", note("INS1", "1.50"), null)).block();
        Written<Note> again = as(Role.ADMIN, null, service.create("k1", note("INS1", "1.5"), "ACTIVE")).block();

        assertThat(again).isEqualTo(first);
        assertThat(records.heads).hasSize(1);
    }

    @Test
    void answersTheFirstAnswerEvenAfterTheRecordWasCorrected() {
        Written<Note> first = as(Role.ADMIN, null, service.create("k1", note("INS1", "1"), null)).block();
        as(Role.ADMIN, null, service.replace(first.record().id(), note("INS1", "2"), null)).block();

        Written<Note> again = as(Role.ADMIN, null, service.create("k1", note("INS1", "1"), null)).block();

        assertThat(again.created()).isTrue();
        assertThat(again.record().version()).isEqualTo(1);
        assertThat(again.record().content().amount()).isEqualByComparingTo("1");
    }

    @Test
    void refusesTheSameKeyWithAnotherBody() {
        as(Role.ADMIN, null, service.create("k1", note("INS1", "1"), null)).block();

        StepVerifier.create(as(Role.ADMIN, null, service.create("k1", note("INS1", "2"), null)))
                .expectErrorSatisfies(e -> assertThat(((RuleViolationException) e).errors())
                        .extracting(FieldError::parameter, FieldError::code)
                        .containsExactly(tuple("Idempotency-Key", "IDEMPOTENCY_KEY_REUSED")))
                .verify();
        assertThat(records.heads).hasSize(1);
    }

    @Test
    void keepsKeysApartPerApiKey() {
        as(Role.ADMIN, null, service.create("k1", note("INS1", "1"), null)).block();
        Caller otherKey = new Caller("another-admin-key", EnumSet.of(Role.ADMIN), null);

        Written<Note> other = as(otherKey, service.create("k1", note("INS1", "2"), null)).block();

        assertThat(other.created()).isTrue();
        assertThat(records.heads).hasSize(2);
    }

    @Test
    void takesAKeyAgainAfter24Hours() {
        as(Role.ADMIN, null, service.create("k1", note("INS1", "1"), null)).block();
        clock.advance(Duration.ofHours(24).plusSeconds(1));

        Written<Note> later = as(Role.ADMIN, null, service.create("k1", note("INS1", "2"), null)).block();

        assertThat(later.record().content().amount()).isEqualByComparingTo("2");
        assertThat(records.heads).hasSize(2);
    }

    @Test
    void refusesACreationWithoutAKey() {
        assertThatThrownBy(() -> service.create(" ", note("INS1", "1"), null))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::parameter, FieldError::code)
                        .containsExactly(tuple("Idempotency-Key", "MISSING_IDEMPOTENCY_KEY")));
    }

    @Test
    void refusesEveryFaultAtOnceAndStoresNothingNotEvenTheKey() {
        StepVerifier.create(as(Role.ADMIN, null, service.create("k1", note("INS1", "-1"), "GONE")))
                .expectErrorSatisfies(e -> assertThat(((RuleViolationException) e).errors())
                        .extracting(FieldError::pointer, FieldError::code)
                        .containsExactly(tuple("/amount", "NOT_POSITIVE"), tuple("/status", "UNKNOWN_STATUS")))
                .verify();
        assertThat(records.heads).isEmpty();
        assertThat(records.claims).isEmpty();

        assertThat(as(Role.ADMIN, null, service.create("k1", note("INS1", "1"), null)).block().created()).isTrue();
    }

    @Test
    void letsASubmitterWriteOnlyItsOwnInstitutionsRecords() {
        StepVerifier.create(as(Role.SUBMITTER, "INS2", service.create("k1", note("INS1", "1"), null)))
                .expectError(ForbiddenException.class).verify();
        UUID id = as(Role.SUBMITTER, "INS1", service.create("k1", note("INS1", "1"), null)).block().record().id();

        StepVerifier.create(as(Role.SUBMITTER, "INS1", service.replace(id, note("INS2", "1"), null)))
                .expectError(ForbiddenException.class).verify();
        StepVerifier.create(as(Role.SUBMITTER, "INS2", service.latest(id))).expectError(ForbiddenException.class).verify();
        StepVerifier.create(as(Role.ANALYST, null, service.replace(id, note("INS1", "3"), null)))
                .expectError(ForbiddenException.class).verify();
        assertThat(as(Role.ANALYST, null, service.latest(id)).block().version()).isEqualTo(1);
    }

    @Test
    void storesAChangeAsTheNextVersionAndTheSameContentAsNothing() {
        UUID id = as(Role.ADMIN, null, service.create("k1", note("INS1", "1"), null)).block().record().id();

        Written<Note> second = as(Role.ADMIN, null, service.replace(id, note("INS1", "2"), null)).block();
        Written<Note> same = as(Role.ADMIN, null, service.replace(id, note("INS1", "2.00"), "ACTIVE")).block();

        assertThat(second.created()).isTrue();
        assertThat(second.record().version()).isEqualTo(2);
        assertThat(same.created()).isFalse();
        assertThat(same.record().version()).isEqualTo(2);
        assertThat(as(Role.ADMIN, null, service.versions(id).collectList()).block()).extracting(StoredRecord::version).containsExactly(1, 2);
    }

    @Test
    void storesAChangeOnlyOntoTheVersionItsIfMatchNames() {
        UUID id = as(Role.ADMIN, null, service.create("k1", note("INS1", "1"), null)).block().record().id();

        Written<Note> second = as(Role.ADMIN, null, service.replace(id, note("INS1", "2"), null, IfMatch.parse("\"1\""))).block();
        StepVerifier.create(as(Role.ADMIN, null, service.replace(id, note("INS1", "3"), null, IfMatch.parse("\"1\""))))
                .expectError(PreconditionFailedException.class).verify();

        assertThat(second.record().version()).isEqualTo(2);
        assertThat(as(Role.ADMIN, null, service.versions(id).collectList()).block()).extracting(StoredRecord::version).containsExactly(1, 2);
    }

    @Test
    void withdrawsAndRestoresAsNewVersionsThatOnlyTheActiveOnesCount() {
        UUID id = as(Role.ADMIN, null, service.create("k1", note("INS1", "1"), null)).block().record().id();

        Written<Note> withdrawn = as(Role.ADMIN, null, service.replace(id, note("INS1", "1"), "WITHDRAWN")).block();
        assertThat(withdrawn.record().version()).isEqualTo(2);
        assertThat(service.activeContents().collectList().block()).isEmpty();
        assertThat(as(Role.ADMIN, null, service.page(RecordQuery.all())).block().items())
                .extracting(StoredRecord::status).containsExactly(RecordStatus.WITHDRAWN);

        Written<Note> restored = as(Role.ADMIN, null, service.replace(id, note("INS1", "1"), null)).block();
        assertThat(restored.record().version()).isEqualTo(3);
        assertThat(service.activeViews().collectList().block()).extracting(RecordView::id).containsExactly(id);
    }

    @Test
    void answersAnUnknownRecordWith404() {
        StepVerifier.create(as(Role.ADMIN, null, service.replace(UUID.randomUUID(), note("INS1", "1"), null)))
                .expectError(NotFoundException.class).verify();
        StepVerifier.create(as(Role.ADMIN, null, service.latest(UUID.randomUUID()))).expectError(NotFoundException.class).verify();
    }

    @Test
    void listsOnlyWhatTheCallerMayRead() {
        as(Role.ADMIN, null, service.create("k1", note("INS1", "1"), null)).block();
        as(Role.ADMIN, null, service.create("k2", note("INS2", "2"), null)).block();

        assertThat(as(Role.SUBMITTER, "INS1", service.page(RecordQuery.all())).block().items())
                .extracting(record -> record.content().owner()).containsExactly("INS1");
        assertThat(as(Role.ANALYST, null, service.page(RecordQuery.all())).block().total()).isEqualTo(2);
        StepVerifier.create(as(Role.PORTAL, null, service.page(RecordQuery.all()))).expectError(ForbiddenException.class).verify();
    }

    @Test
    void writesARecordWithANaturalKeyByPutOnlyVersionOneThenTheNext() {
        Written<Note> first = as(Role.ADMIN, null, service.put("N-1", note("INS1", "5"), null, null)).block();
        Written<Note> same = as(Role.ADMIN, null, service.put("N-1", note("INS1", "5.0"), null, IfMatch.parse("\"1\""))).block();
        Written<Note> lower = as(Role.ADMIN, null, service.put("N-1", note("INS1", "4"), null, null)).block();

        assertThat(first.created()).isTrue();
        assertThat(first.record().key()).isEqualTo("N-1");
        assertThat(same.created()).isFalse();
        assertThat(lower.record().version()).isEqualTo(2);
        assertThat(lower.record().id()).isEqualTo(first.record().id());
        assertThat(lower.record().warnings()).extracting(RecordWarning::pointer, RecordWarning::code).containsExactly(tuple("/amount", "DECREASED"));
        assertThat(as(Role.ADMIN, null, service.latest("N-1")).block().version()).isEqualTo(2);
        assertThat(as(Role.ADMIN, null, service.versions("N-1").collectList()).block()).extracting(StoredRecord::version).containsExactly(1, 2);
        StepVerifier.create(as(Role.ADMIN, null, service.put("N-2", note("INS1", "5"), null, IfMatch.parse("\"3\""))))
                .expectError(PreconditionFailedException.class).verify();
        StepVerifier.create(as(Role.ADMIN, null, service.put("N-2", note("INS1", "5"), null, IfMatch.parse("*"))))
                .expectError(PreconditionFailedException.class).verify();
        StepVerifier.create(as(Role.ADMIN, null, service.latest("N-2"))).expectError(NotFoundException.class).verify();
    }

    @Test
    void hashesTheCanonicalJsonOfTheContentRecord() {
        assertThat(RecordJson.write(note("INS1", "100.00"))).isEqualTo("{\"owner\":\"INS1\",\"amount\":\"100\"}");
        assertThat(service.contentHash(note("INS1", "1.50"))).isEqualTo(CanonicalJson.sha256("{\"owner\":\"INS1\",\"amount\":\"1.5\"}"));
        assertThat(RecordJson.read("{\"owner\":\"INS1\",\"amount\":\"1.5\",\"gone\":1}", Note.class)).isEqualTo(note("INS1", "1.5"));
    }

    @Test
    void refusesAMalformedId() {
        assertThatThrownBy(() -> RecordService.id("id", "not-a-uuid"))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::parameter, FieldError::code).containsExactly(tuple("id", "INVALID_ID")));
    }

    private static Note note(String owner, String amount) {
        return new Note(owner, new BigDecimal(amount));
    }

    private static <T> Mono<T> as(Role role, @Nullable String institution, Mono<T> call) {
        return as(new Caller("key-" + role, EnumSet.of(role), institution), call);
    }

    private static <T> Mono<T> as(Caller caller, Mono<T> call) {
        return call.contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(caller, "token")));
    }

    record Note(String owner, BigDecimal amount) {
    }

    static final class NoteType implements RecordType<Note> {

        @Override
        public String collection() {
            return "notes";
        }

        @Override
        public Class<Note> contentType() {
            return Note.class;
        }

        @Override
        public Mono<List<FieldError>> faults(Note content, RecordContext context) {
            return Mono.just(content.amount().signum() > 0 ? List.of()
                    : List.of(FieldError.atPointer("/amount", "NOT_POSITIVE", "above 0")));
        }

        @Override
        public List<RecordWarning> warnings(Note content, RecordContext context) {
            return context.previous(Note.class).filter(previous -> previous.amount().compareTo(content.amount()) > 0)
                    .map(previous -> List.of(new RecordWarning("/amount", "DECREASED", "lower than before"))).orElse(List.of());
        }

        @Override
        public String owner(Note content) {
            return content.owner();
        }
    }

    /** The adapter's rules in memory: append-only versions, a head per record, one claim per (subject, key); no parents or claims. */
    static final class InMemoryRecords implements Records {

        final Map<UUID, List<RecordVersion>> heads = new HashMap<>();
        final Map<String, KeyClaim> claims = new HashMap<>();
        final Map<UUID, String> owners = new HashMap<>();

        @Override
        public synchronized Mono<RecordVersion> latest(String collection, UUID id) {
            List<RecordVersion> versions = heads.get(id);
            return versions == null ? Mono.empty() : Mono.just(versions.get(versions.size() - 1));
        }

        @Override
        public synchronized Mono<RecordVersion> latestByKey(String collection, String key) {
            return latestOfAll(collection).filter(version -> key.equals(version.key())).next();
        }

        @Override
        public synchronized Flux<RecordVersion> latestOfAll(String collection) {
            return Flux.fromIterable(heads.values().stream().map(versions -> versions.get(versions.size() - 1)).toList());
        }

        @Override
        public synchronized Flux<ActiveVersion> active(String collection) {
            return latestOfAll(collection).filter(version -> version.status() == RecordStatus.ACTIVE).map(version -> new ActiveVersion(version, null));
        }

        @Override
        public synchronized Mono<Page> page(String collection, RecordQuery query, @Nullable String owner) {
            List<RecordVersion> all = latestOfAll(collection).filter(version -> owner == null || owner.equals(owners.get(version.id())))
                    .collectList().block();
            return Mono.just(new Page(all.stream().skip(query.offset()).limit(query.limit()).toList(), all.size()));
        }

        @Override
        public Flux<FamilyRow> families(String collection, String childCollection) {
            return Flux.empty();
        }

        @Override
        public Flux<RecordVersion> children(String collection, UUID parentId) {
            return Flux.empty();
        }

        @Override
        public synchronized Flux<RecordVersion> versions(String collection, UUID id) {
            return Flux.fromIterable(List.copyOf(heads.getOrDefault(id, List.of())));
        }

        @Override
        public synchronized Mono<RecordVersion> version(String collection, UUID id, int version) {
            return versions(collection, id).filter(v -> v.version() == version).next();
        }

        @Override
        public synchronized Mono<KeyClaim> claim(String subject, String key, OffsetDateTime since) {
            KeyClaim claim = claims.get(subject + "\n" + key);
            return claim == null || claim.createdAt().isBefore(since) ? Mono.empty() : Mono.just(claim);
        }

        @Override
        public synchronized Mono<KeyClaim> create(KeyClaim claim, RecordWrite first, OffsetDateTime since) {
            KeyClaim earlier = claims.get(claim.subject() + "\n" + claim.key());
            if (earlier != null && !earlier.createdAt().isBefore(since)) {
                return Mono.just(earlier);
            }
            claims.put(claim.subject() + "\n" + claim.key(), claim);
            heads.put(first.version().id(), new ArrayList<>(List.of(first.version().numbered(1, first.warnings()))));
            owners.put(first.version().id(), first.owner());
            return Mono.just(claim);
        }

        @Override
        public synchronized Mono<Appended> append(RecordWrite candidate, @Nullable IfMatch ifMatch) {
            List<RecordVersion> versions = heads.get(candidate.version().id());
            if (versions == null) {
                return Mono.empty();
            }
            RecordVersion latest = versions.get(versions.size() - 1);
            if (ifMatch != null && !ifMatch.matches(latest.version())) {
                return Mono.error(PreconditionFailedException.ofLatest(latest.version()));
            }
            if (latest.sameAs(candidate.version())) {
                return Mono.just(new Appended(latest, false));
            }
            RecordVersion next = candidate.version().numbered(latest.version() + 1, candidate.warnings());
            versions.add(next);
            owners.put(next.id(), candidate.owner());
            return Mono.just(new Appended(next, true));
        }

        @Override
        public synchronized Mono<Appended> put(RecordWrite candidate, @Nullable IfMatch ifMatch) {
            RecordVersion existing = latestByKey(candidate.version().collection(), candidate.version().key()).block();
            if (existing != null) {
                RecordVersion v = candidate.version();
                return append(new RecordWrite(new RecordVersion(v.collection(), existing.id(), v.key(), v.parentId(), 0, v.content(),
                        v.contentHash(), v.status(), v.recordedAt(), v.recordedBy(), v.recordedFor(), List.of()), candidate.owner(),
                        candidate.region(), candidate.claims(), candidate.warnings()), ifMatch);
            }
            if (ifMatch != null) {
                return Mono.error(PreconditionFailedException.ofLatest(0));
            }
            RecordVersion first = candidate.version().numbered(1, candidate.warnings());
            heads.put(first.id(), new ArrayList<>(List.of(first)));
            owners.put(first.id(), candidate.owner());
            return Mono.just(new Appended(first, true));
        }

        @Override
        public synchronized Mono<Integer> purgeKeys(OffsetDateTime before, int limit) {
            List<String> old = claims.entrySet().stream().filter(claim -> claim.getValue().createdAt().isBefore(before))
                    .map(Map.Entry::getKey).limit(limit).toList();
            old.forEach(claims::remove);
            return Mono.just(old.size());
        }
    }

    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
