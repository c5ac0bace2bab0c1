package io.cityfin.capitalmarket.fund;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import io.cityfin.reporting.demo.DemoRecords;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.Ref;
import io.cityfin.reporting.record.StoredRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo file's {@code funds}, each with its {@code investments}, loaded through the fund and investment use cases
 * as the demo ADMIN: a fund or an investment whose content is already stored is not posted again (an investment is
 * then posted under the stored fund), so a second start adds nothing; each goes in with an Idempotency-Key derived
 * from its content (and, for an investment, its fund's).
 */
@Component
class DemoFunds implements DemoRecords {

    private final RecordService<Fund> funds;
    private final RecordService<FundInvestment> investments;

    DemoFunds(RecordService<Fund> funds, RecordService<FundInvestment> investments) {
        this.funds = funds;
        this.investments = investments;
    }

    @Override
    public Mono<Long> load(Resource demoFile) {
        List<Entry> wanted = read(demoFile);
        if (wanted.isEmpty()) {
            return Mono.just(0L);
        }
        Mono<Map<String, UUID>> storedFunds = funds.all().collectMap(StoredRecord::contentHash, StoredRecord::id);
        Mono<Set<String>> storedInvestments = investments.all().map(StoredRecord::contentHash).collect(HashSet<String>::new, Set::add);
        return Mono.zip(storedFunds, storedInvestments).flatMapMany(stored -> Flux.fromIterable(wanted)
                        .concatMap(entry -> load(entry, stored.getT1(), stored.getT2())))
                .reduce(0L, Long::sum);
    }

    private Mono<Long> load(Entry entry, Map<String, UUID> storedFunds, Set<String> storedInvestments) {
        Fund fund = entry.fund();
        String fundHash = funds.contentHash(fund);
        Mono<Created> created = storedFunds.containsKey(fundHash) ? Mono.just(new Created(storedFunds.get(fundHash), 0L))
                : funds.create("demo-" + fundHash, fund, null).map(written -> new Created(written.record().id(), 1L));
        return created.flatMap(made -> Flux.fromIterable(entry.investments())
                .map(Investment::content)
                .filter(investment -> !storedInvestments.contains(investments.contentHash(investment)))
                .concatMap(investment -> investments.create(Ref.id(made.id()),
                        "demo-" + fundHash.substring(0, 16) + "-" + investments.contentHash(investment), investment, null))
                .count()
                .map(count -> count + made.versions()));
    }

    private static List<Entry> read(Resource demoFile) {
        JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = demoFile.getInputStream()) {
            File file = mapper.readValue(in, File.class);
            return file.funds() == null ? List.of() : file.funds();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Created(UUID id, long versions) {
    }

    /** The part of the demo file read here. */
    record File(@Nullable List<Entry> funds) {
    }

    /** A fund as the API takes it, with its investments. */
    record Entry(@Nullable String name, @Nullable String region, @Nullable String establishedOn, @Nullable String liquidatedOn,
                 Fund.@Nullable Manager manager, @Nullable String amacCode, @Nullable String amacFiledOn, List<Investment> investments) {

        Fund fund() {
            return new Fund(name, region, establishedOn, liquidatedOn, manager, amacCode, amacFiledOn);
        }
    }

    record Investment(FundInvestment.@Nullable Investee investee, @Nullable String investeeRegion, @Nullable BigDecimal amount,
                      @Nullable String investedOn) {

        FundInvestment content() {
            return new FundInvestment(investee, investeeRegion, amount, investedOn);
        }
    }
}
