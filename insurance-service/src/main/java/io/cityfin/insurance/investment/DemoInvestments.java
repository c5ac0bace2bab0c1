package io.cityfin.insurance.investment;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import io.cityfin.reporting.demo.DemoRecords;
import io.cityfin.reporting.record.RecordService;
import reactor.core.publisher.Mono;

/**
 * The demo file's {@code investments}, loaded through the investment use case after the registry (the machinery's
 * demo loader calls it as the demo ADMIN). A record whose content is already stored (the latest version of some
 * investment, withdrawn or not) is skipped, so a second start adds nothing; each one goes in with an Idempotency-Key
 * derived from its content.
 */
@Component
class DemoInvestments implements DemoRecords {

    private final RecordService<Investment> investments;

    DemoInvestments(RecordService<Investment> investments) {
        this.investments = investments;
    }

    @Override
    public Mono<Long> load(Resource demoFile) {
        File file = DemoRecords.read(demoFile, File.class);
        return investments.createMissing(null, file.investments() == null ? List.of() : file.investments());
    }

    /** The part of the demo file read here. */
    record File(@Nullable List<Investment> investments) {
    }
}
