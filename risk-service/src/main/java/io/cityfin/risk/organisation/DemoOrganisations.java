package io.cityfin.risk.organisation;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import io.cityfin.reporting.demo.DemoRecords;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.StoredRecord;
import io.cityfin.reporting.record.Written;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The demo ratings and supervisory actions ({@code ratings} and {@code actions} of {@code classpath:demo/risk-demo.json}),
 * written through the use cases after the registry is in: ratings by their key (the same content again stores
 * nothing), then the actions no action record holds yet, in the file's order, each with an Idempotency-Key derived from
 * its content; the ending ones end their organisations. A second load adds no version, in the registry either.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoOrganisations implements DemoRecords {

    private final SupervisionService supervision;
    private final RecordService<SupervisoryAction> actions;

    DemoOrganisations(SupervisionService supervision, RecordService<SupervisoryAction> actions) {
        this.supervision = supervision;
        this.actions = actions;
    }

    @Override
    public Mono<Long> load(Resource demoFile) {
        File file = DemoRecords.read(demoFile, File.class);
        Mono<Long> rated = Flux.fromIterable(file.ratings() == null ? List.<Rated>of() : file.ratings())
                .concatMap(r -> supervision.rate(r.institution(), r.year(), new OrganisationRating(null, null, r.grade(), r.ratedOn()), null, null))
                .filter(Written::created).count();
        List<SupervisoryAction> wanted = file.actions() == null ? List.of() : file.actions();
        Mono<Long> acted = actions.all().map(StoredRecord::contentHash).collect(Collectors.toSet())
                .flatMapMany(stored -> Flux.fromIterable(wanted).filter(action -> !stored.contains(actions.contentHash(action))))
                .concatMap(action -> supervision.act(String.valueOf(action.institution()), "demo-" + actions.contentHash(action),
                        new SupervisoryAction(null, action.type(), action.on(), action.documentNo(), action.note()), null))
                .filter(Written::created).count();
        return rated.flatMap(ratings -> acted.map(created -> ratings + created));
    }

    /** The part of the demo file read here. */
    record File(@Nullable List<Rated> ratings, @Nullable List<SupervisoryAction> actions) {
    }

    record Rated(String institution, int year, String grade, String ratedOn) {
    }

}
