package io.cityfin.platform.financing;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityfin.platform.registry.Platform;
import io.cityfin.reporting.indicator.RecordIndicators;
import io.cityfin.reporting.indicator.RecordRows;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.RecordView;
import io.cityfin.reporting.record.Records;

/**
 * Platform financing on the record machinery, and PLATFORM_NON_MARKET_FINANCING_YTD: Σ amount of the financing
 * records not withdrawn issued in D's year, in the platform's region (a CITY platform's counts in the city only).
 */
@Configuration(proxyBeanMethods = false)
class FinancingConfiguration {

    @Bean
    RecordService<PlatformFinancing> platformFinancing(Records records, RecordService<Platform> platforms, Clock clock) {
        return new RecordService<>(records, new PlatformFinancingType(platforms, clock), clock);
    }

    @Bean
    RecordIndicators platformFinancingIndicators(RecordService<PlatformFinancing> financing, PlatformRegions regions) {
        RecordRows<Placed> placed = RecordRows.traced(() -> regions.placing()
                .flatMapMany(byPlatform -> financing.activeViews().map(view -> placed(view, byPlatform))));
        return RecordIndicators.of(placed.sumInYear(PlatformFinancingIndicators.NON_MARKET, row -> row.financing().issuedDay(),
                row -> row.financing().amount()).region(Placed::region).contributor(row -> row.financing().platform()));
    }

    /** A financing in its platform's region, read with the platform's version that places it (none when it is no longer there). */
    private static RecordRows.Traced<Placed> placed(RecordView<PlatformFinancing> view, Map<String, RecordView<Platform>> byPlatform) {
        RecordView<Platform> platform = view.content().platform() == null ? null : byPlatform.get(view.content().platform());
        return new RecordRows.Traced<>(view.ref(), platform == null ? List.of() : List.of(platform.ref()),
                new Placed(view.content(), platform == null ? null : platform.content().region()));
    }

    /** A financing with its platform's region (null when the platform is no longer in the registry). */
    record Placed(PlatformFinancing financing, @Nullable String region) {
    }
}
