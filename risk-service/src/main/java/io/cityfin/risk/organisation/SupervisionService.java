package io.cityfin.risk.organisation;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.cityfin.common.http.IfMatch;
import io.cityfin.common.identity.Access;
import io.cityfin.common.identity.AccessRule;
import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.Role;
import io.cityfin.reporting.institution.Institution;
import io.cityfin.reporting.institution.InstitutionService;
import io.cityfin.reporting.record.RecordJson;
import io.cityfin.reporting.record.RecordPage;
import io.cityfin.reporting.record.RecordQuery;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.RecordStatus;
import io.cityfin.reporting.record.RecordVersion;
import io.cityfin.reporting.record.Records;
import io.cityfin.reporting.record.Written;
import reactor.core.publisher.Mono;

/**
 * The use cases of ratings and supervisory actions (ADMIN and ANALYST): each write is judged against the
 * organisation's registry entry and its other ratings and actions ({@link Supervised}), read first; an action's write
 * and the registry's end or re-opening it causes are one transaction (the record machinery's own transaction joins
 * it), so an ending action never stands without its end, nor an end without its action.
 */
public class SupervisionService {

    private static final AccessRule STAFF = AccessRule.anyOf(Role.ADMIN, Role.ANALYST);

    private final Records records;
    private final InstitutionService registry;
    private final RecordService<OrganisationRating> ratings;
    private final RecordService<SupervisoryAction> actions;
    private final Clock clock;
    private final TransactionalOperator transaction;

    public SupervisionService(Records records, InstitutionService registry, RecordService<OrganisationRating> ratings,
                              RecordService<SupervisoryAction> actions, Clock clock, ReactiveTransactionManager transactions) {
        this.records = records;
        this.registry = registry;
        this.ratings = ratings;
        this.actions = actions;
        this.clock = clock;
        this.transaction = TransactionalOperator.create(transactions);
    }

    /** {@code PUT /institutions/{code}/ratings/{year}}: version 1 or the next version of the year's rating. */
    public Mono<Written<OrganisationRating>> rate(String code, int year, OrganisationRating sent, @Nullable String status,
                                                 @Nullable IfMatch ifMatch) {
        String key = OrganisationRating.key(code, year);
        OrganisationRating content = new OrganisationRating(code, year, sent.grade(), sent.ratedOn());
        return Access.require(STAFF).then(facts(code, version -> key.equals(version.key())))
                .flatMap(facts -> new RecordService<>(records, OrganisationRatingType.judging(clock, facts), clock)
                        .put(key, content, status, ifMatch));
    }

    /** {@code POST /institutions/{code}/actions}: a new action; an ending one ends the organisation on its date. */
    public Mono<Written<SupervisoryAction>> act(String code, @Nullable String idempotencyKey, SupervisoryAction sent, @Nullable String status) {
        SupervisoryAction content = of(code, sent);
        return Access.require(STAFF).flatMap(caller -> transaction.transactional(facts(code, version -> false)
                .flatMap(facts -> new RecordService<>(records, SupervisoryActionType.judging(clock, facts), clock)
                        .create(idempotencyKey, content, status)
                        .flatMap(written -> settle(facts, written, caller)))));
    }

    /**
     * {@code PUT /actions/{id}}: the action's next version, of the same organisation; ending the organisation, moving its
     * end or (an ending action withdrawn or no longer ending) re-opening it.
     */
    public Mono<Written<SupervisoryAction>> replaceAction(UUID id, SupervisoryAction sent, @Nullable String status, @Nullable IfMatch ifMatch) {
        return Access.require(STAFF).flatMap(caller -> transaction.transactional(actions.latest(id).flatMap(stored -> {
            String code = String.valueOf(stored.content().institution());
            return facts(code, version -> id.equals(version.id()))
                    .flatMap(facts -> new RecordService<>(records, SupervisoryActionType.judging(clock, facts), clock)
                            .replace(id, of(code, sent), status, ifMatch)
                            .flatMap(written -> settle(facts, written, caller)));
        })));
    }

    /** The organisation's ratings (withdrawn ones included), by year; 404 for an unknown organisation. */
    public Mono<RecordPage<OrganisationRating>> ratingsOf(String code) {
        return Access.require(STAFF).then(registry.existing(code))
                .then(ratings.page(RecordQuery.all().where("institution", code).orderBy("year").page(0, RecordQuery.MAX_LIMIT)));
    }

    /** The organisation's actions (withdrawn ones included), by date; 404 for an unknown organisation. */
    public Mono<RecordPage<SupervisoryAction>> actionsOf(String code) {
        return Access.require(STAFF).then(registry.existing(code))
                .then(actions.page(RecordQuery.all().where("institution", code).orderBy("on").page(0, RecordQuery.MAX_LIMIT)));
    }

    /** The registry follows the action now stored: ended on its date, or re-opened when no ending action stands. */
    private Mono<Written<SupervisoryAction>> settle(Supervised facts, Written<SupervisoryAction> written, Caller caller) {
        SupervisoryAction now = written.record().content();
        String code = facts.institution().code();
        if (written.record().isActive() && now.ends() && now.day() != null) {
            return registry.end(code, now.day(), caller.subject()).thenReturn(written);
        }
        if (facts.ending().isEmpty() && facts.institution().endedOn() != null) {
            return registry.reopen(code, caller.subject()).thenReturn(written);
        }
        return Mono.just(written);
    }

    /**
     * The organisation (404 when unknown) with its ratings and actions not withdrawn, those {@code except} matches
     * (the record being written) left out.
     */
    private Mono<Supervised> facts(String code, Predicate<RecordVersion> except) {
        RecordQuery query = RecordQuery.all().where("institution", code).status(RecordStatus.ACTIVE).page(0, RecordQuery.MAX_LIMIT);
        Mono<Institution> institution = registry.existing(code);
        Mono<List<OrganisationRating>> rated = records.page(OrganisationRatingType.COLLECTION, query, null)
                .map(page -> page.items().stream().filter(except.negate())
                        .map(version -> RecordJson.read(version.content(), OrganisationRating.class)).toList());
        Mono<List<SupervisoryAction>> acted = records.page(SupervisoryActionType.COLLECTION, query, null)
                .map(page -> page.items().stream().filter(except.negate())
                        .map(version -> RecordJson.read(version.content(), SupervisoryAction.class)).toList());
        // one after the other: inside a transaction they share a connection
        return institution.flatMap(found -> rated.flatMap(r -> acted.map(a -> new Supervised(found, r, a))));
    }

    private static SupervisoryAction of(String code, SupervisoryAction sent) {
        return new SupervisoryAction(code, sent.type(), sent.on(), sent.documentNo(), sent.note());
    }
}
