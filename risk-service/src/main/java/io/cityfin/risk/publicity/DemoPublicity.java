package io.cityfin.risk.publicity;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import io.cityfin.reporting.demo.DemoRecords;
import io.cityfin.reporting.record.RecordService;
import reactor.core.publisher.Mono;

/**
 * The demo publicity ({@code publicity} of {@code classpath:demo/risk-demo.json}, data-standard-2.md "Demo data"),
 * created through the use case; one whose content is already stored is not created again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20) // after the organisations, before the demo's alert evaluation (last)
class DemoPublicity implements DemoRecords {

    private final RecordService<Publicity> publicity;

    DemoPublicity(RecordService<Publicity> publicity) {
        this.publicity = publicity;
    }

    @Override
    public Mono<Long> load(Resource demoFile) {
        List<Publicity> wanted = DemoRecords.read(demoFile, File.class).publicity();
        return publicity.createMissing(null, wanted == null ? List.of() : wanted);
    }

    record File(List<Publicity> publicity) {
    }
}
