package io.cityfin.platform.rating;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import io.cityfin.reporting.demo.DemoRecords;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.Ref;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The demo ratings (each platform's {@code ratings} in {@code classpath:demo/platform-demo.json}), created under their
 * platform through the rating use case after the platforms are in, in the file's order (an AFFIRMED after the rating it
 * affirms); each with an Idempotency-Key derived from its platform and content, so a second load adds nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DemoRatings implements DemoRecords {

    private final RecordService<Rating> ratings;

    DemoRatings(RecordService<Rating> ratings) {
        this.ratings = ratings;
    }

    @Override
    public Mono<Long> load(Resource demoFile) {
        return Flux.fromIterable(DemoRecords.read(demoFile, File.class).platforms())
                .filter(platform -> platform.ratings() != null && !platform.ratings().isEmpty())
                .concatMap(platform -> ratings.createMissing(Ref.key(platform.uscc()), platform.ratings().stream()
                        .map(r -> new Rating(platform.uscc(), r.agency(), r.agencyName(), r.rating(), r.outlook(), r.action(), r.ratedOn())).toList()))
                .reduce(0L, Long::sum);
    }

    record File(List<Rated> platforms) {
    }

    /** The part of a demo platform read here: its USCC and its ratings. */
    record Rated(String uscc, @Nullable List<Entry> ratings) {
    }

    record Entry(String agency, @Nullable String agencyName, @Nullable String rating, String outlook, String action, String ratedOn) {
    }
}
