package io.cityfin.platform.registry;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import io.cityfin.reporting.demo.DemoRecords;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.Written;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The demo platforms ({@code platforms} of {@code classpath:demo/platform-demo.json}, data-standard-2.md "Demo data"),
 * written through the registry's use case by the machinery's demo loader as the demo ADMIN, one after another in the
 * file's order (every parent before the platforms naming it), before the ratings. A PUT of the content already stored
 * adds no version, so a second load adds none.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoPlatforms implements DemoRecords {

    private final RecordService<Platform> platforms;

    DemoPlatforms(RecordService<Platform> platforms) {
        this.platforms = platforms;
    }

    @Override
    public Mono<Long> load(Resource demoFile) {
        return Flux.fromIterable(read(demoFile))
                .concatMap(entry -> platforms.put(entry.uscc(), entry.platform(), null, null))
                .filter(Written::created).count();
    }

    /** The demo platforms in the file's order. */
    static List<Entry> read(Resource demoFile) {
        return DemoRecords.read(demoFile, File.class).platforms();
    }

    record File(List<Entry> platforms) {
    }

    /** A demo platform as the API takes it, by its USCC; its {@code ratings} are the rating feature's to load. */
    record Entry(String uscc, String name, String tier, String region, List<Platform.Entry> history) {

        Platform platform() {
            return new Platform(name, tier, region, history);
        }
    }
}
