package io.cityfin.capitalmarket.enterprise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import io.cityfin.common.uscc.Uscc;
import io.cityfin.reporting.demo.DemoRecords;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.Ref;
import io.cityfin.reporting.record.Written;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The demo enterprises and pipelines ({@code classpath:demo/capital-market-enterprises.json}, data-standard-2.md "Demo
 * data"), written through the enterprise and pipeline use cases by the machinery's demo loader as the demo ADMIN: every
 * enterprise first, then the pipelines. A PUT of the content already stored adds no version, so a second load adds none.
 */
@Component
class DemoEnterprises implements DemoRecords {

    static final String FILE = "demo/capital-market-enterprises.json";
    private static final int CONCURRENT_WRITES = 4;

    private final RecordService<Enterprise> enterprises;
    private final RecordService<Pipeline> pipelines;

    DemoEnterprises(RecordService<Enterprise> enterprises, RecordService<Pipeline> pipelines) {
        this.enterprises = enterprises;
        this.pipelines = pipelines;
    }

    /** Loads this feature's own file; the service's demo file (another feature's) is not read here. */
    @Override
    public Mono<Long> load(Resource demoFile) {
        List<Entry> entries = read(new ClassPathResource(FILE));
        Flux<Written<Enterprise>> companies = Flux.fromIterable(entries)
                .flatMap(entry -> enterprises.put(entry.uscc(), entry.enterprise(), null, null), CONCURRENT_WRITES);
        Flux<Written<Pipeline>> plans = Flux.fromIterable(entries).filter(entry -> entry.pipeline() != null)
                .flatMap(entry -> pipelines.put(entry.uscc(), Ref.key(entry.uscc()), entry.pipeline(), null, null), CONCURRENT_WRITES);
        return companies.filter(Written::created).count()
                .flatMap(created -> plans.filter(Written::created).count().map(more -> created + more));
    }

    /** One demo enterprise with its pipeline, if it has one. */
    record Entry(String uscc, Enterprise enterprise, @Nullable Pipeline pipeline) {
    }

    /** Every demo enterprise: the named ones as the file gives them, then the regional-equity ones it describes. */
    static List<Entry> read(Resource file) {
        File demo = DemoRecords.read(file, File.class);
        List<Entry> entries = new ArrayList<>();
        for (Named named : demo.enterprises()) {
            entries.add(new Entry(named.uscc(), new Enterprise(named.name(), named.region(), named.specialisedSmeSince(), named.reservePool(),
                    named.shareholdingReform(), named.listings()), named.pipeline()));
        }
        entries.addAll(demo.regionalEquity().expand());
        return entries;
    }

    record File(List<Named> enterprises, RegionalEquity regionalEquity) {
    }

    record Named(String uscc, String name, String region, @Nullable String specialisedSmeSince, Enterprise.@Nullable ReservePool reservePool,
                 Enterprise.ShareholdingReform shareholdingReform, List<Enterprise.Listing> listings, @Nullable Pipeline pipeline) {
    }

    /**
     * The enterprises shown on the regional equity market, described rather than listed: number n (1 to count) has the
     * USCC 91 + region + MAE + n in six digits + its check character, the stock code JX + n in four digits, a listing
     * from {@code listedFrom} + n − 1 days, the regions in turn; the first {@code signed} signed a shareholding reform on
     * successive days from {@code signedFrom}, the others have none.
     */
    record RegionalEquity(int count, String listedFrom, int signed, String signedFrom, List<String> regions) {

        List<Entry> expand() {
            List<Entry> entries = new ArrayList<>();
            LocalDate listed = LocalDate.parse(listedFrom);
            LocalDate signing = LocalDate.parse(signedFrom);
            for (int n = 1; n <= count; n++) {
                String region = regions.get((n - 1) % regions.size());
                String first17 = "91" + region + "MAE" + String.format("%06d", n);
                Enterprise.ShareholdingReform reform = n <= signed
                        ? new Enterprise.ShareholdingReform(Enterprise.SIGNED, signing.plusDays(n - 1L).toString(), null)
                        : new Enterprise.ShareholdingReform(Enterprise.NONE, null, null);
                Enterprise enterprise = new Enterprise("抚州区域股权展示企业" + String.format("%03d", n) + "有限公司", region, null, null, reform,
                        List.of(new Enterprise.Listing(Board.REGIONAL_EQUITY.name(), "JX" + String.format("%04d", n),
                                listed.plusDays(n - 1L).toString(), null)));
                entries.add(new Entry(first17 + Uscc.checkCharacter(first17), enterprise, null));
            }
            return entries;
        }
    }
}
