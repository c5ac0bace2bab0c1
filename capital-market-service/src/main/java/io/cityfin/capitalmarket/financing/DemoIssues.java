package io.cityfin.capitalmarket.financing;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import io.cityfin.reporting.demo.DemoRecords;
import io.cityfin.reporting.record.RecordService;
import reactor.core.publisher.Mono;

/**
 * The demo file's {@code issues}, loaded through the issue use case after the registry (the machinery's demo loader
 * calls it as the demo ADMIN): an issue whose content is already stored (the latest version of some issue) is skipped,
 * so a second start adds nothing; each one goes in with an Idempotency-Key derived from its content.
 */
@Component
class DemoIssues implements DemoRecords {

    private final RecordService<Issue> issues;

    DemoIssues(RecordService<Issue> issues) {
        this.issues = issues;
    }

    @Override
    public Mono<Long> load(Resource demoFile) {
        return issues.createMissing(null, read(demoFile));
    }

    static List<Issue> read(Resource demoFile) {
        File file = DemoRecords.read(demoFile, File.class);
        return file.issues() == null ? List.of() : file.issues();
    }

    /** The part of the demo file read here: issues in the shape the API takes. */
    record File(@Nullable List<Issue> issues) {
    }
}
