package io.cityfin.insurance.investment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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
        List<Investment> wanted = read(demoFile);
        if (wanted.isEmpty()) {
            return Mono.just(0L);
        }
        return investments.all().map(StoredRecord::contentHash).collect(HashSet<String>::new, Set::add)
                .flatMapMany(stored -> Flux.fromIterable(wanted).filter(investment -> !stored.contains(investments.contentHash(investment))))
                .concatMap(investment -> investments.create("demo-" + investments.contentHash(investment), investment, null))
                .count();
    }

    private static List<Investment> read(Resource demoFile) {
        JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = demoFile.getInputStream()) {
            File file = mapper.readValue(in, File.class);
            return file.investments() == null ? List.of() : file.investments().stream()
                    .map(i -> new Investment(i.institutionCode(), i.project(), i.region(), i.amount(), i.date(), i.channel()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The part of the demo file read here. */
    record File(@Nullable List<Entry> investments) {
    }

    record Entry(String institutionCode, String project, String region, BigDecimal amount, String date, String channel) {
    }
}
