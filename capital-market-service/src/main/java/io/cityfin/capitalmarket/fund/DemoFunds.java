package io.cityfin.capitalmarket.fund;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import io.cityfin.reporting.demo.DemoRecords;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.Ref;
import io.cityfin.reporting.record.StoredRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
        File file = DemoRecords.read(demoFile, File.class);
        List<Entry> wanted = file.funds() == null ? List.of() : file.funds();
        return funds.createMissing(null, wanted.stream().map(Entry::fund).toList())
                .flatMap(created -> funds.all().collectMap(StoredRecord::contentHash, StoredRecord::id)
                        .flatMapMany(stored -> Flux.fromIterable(wanted).concatMap(entry -> investments.createMissing(
                                Ref.id(stored.get(funds.contentHash(entry.fund()))),
                                entry.investments().stream().map(Investment::content).toList())))
                        .reduce(created, Long::sum));
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
