package io.cityfin.capitalmarket.financing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import io.cityfin.reporting.demo.DemoRecords;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.StoredRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

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
        List<Issue> wanted = read(demoFile);
        if (wanted.isEmpty()) {
            return Mono.just(0L);
        }
        return issues.all().map(StoredRecord::contentHash).collect(HashSet<String>::new, Set::add)
                .flatMapMany(stored -> Flux.fromIterable(wanted).filter(issue -> !stored.contains(issues.contentHash(issue))))
                .concatMap(issue -> issues.create("demo-" + issues.contentHash(issue), issue, null))
                .count();
    }

    static List<Issue> read(Resource demoFile) {
        JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = demoFile.getInputStream()) {
            File file = mapper.readValue(in, File.class);
            return file.issues() == null ? List.of() : file.issues();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The part of the demo file read here: issues in the shape the API takes. */
    record File(@Nullable List<Issue> issues) {
    }
}
