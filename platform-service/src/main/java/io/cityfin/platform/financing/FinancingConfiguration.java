package io.cityfin.platform.financing;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityfin.platform.registry.Platform;
import io.cityfin.reporting.indicator.RecordIndicators;
import io.cityfin.reporting.indicator.RecordRows;
import io.cityfin.reporting.record.RecordService;
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
        RecordRows<Placed> placed = RecordRows.of(() -> regions.byPlatform()
                .flatMapMany(byPlatform -> financing.activeContents()
                        .map(content -> new Placed(content, content.platform() == null ? null : byPlatform.get(content.platform())))));
        return RecordIndicators.of(placed.sumInYear(PlatformFinancingIndicators.NON_MARKET, row -> row.financing().issuedDay(),
                row -> row.financing().amount()).region(Placed::region).contributor(row -> row.financing().platform()));
    }

    /** A financing with its platform's region (null when the platform is no longer in the registry). */
    record Placed(PlatformFinancing financing, @Nullable String region) {
    }
}
