package io.cityfin.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.CityClock;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class IndicatorServiceTest {

    private final Clock clock = Clock.fixed(Instant.parse("2022-10-08T09:00:00Z"), CityClock.ZONE);
    private final IndicatorQuery september = new IndicatorQuery(Period.parse("2022-09"), Region.LINCHUAN);

    @Test
    void answersAnEmptySheetWithoutSources() {
        StepVerifier.create(new IndicatorService(List.of(), clock, new SimpleMeterRegistry()).indicators(september))
                .assertNext(sheet -> {
                    assertThat(sheet.indicators()).isEmpty();
                    assertThat(sheet.query()).isEqualTo(september);
                    assertThat(sheet.yearElapsedPct()).isEqualByComparingTo(new BigDecimal("74.79"));
                    assertThat(sheet.generatedAt()).isEqualTo(OffsetDateTime.parse("2022-10-08T09:00:00Z"));
                })
                .verifyComplete();
    }

    @Test
    void concatenatesEverySourceInCodeOrderAndPassesTheQueryOn() {
        IndicatorSource loans = query -> Flux.just(indicator("LOAN_BALANCE", query));
        IndicatorSource deposits = query -> Flux.just(indicator("DEPOSIT_BALANCE", query), indicator("NPL_RATIO", query));

        StepVerifier.create(new IndicatorService(List.of(loans, deposits), clock, new SimpleMeterRegistry()).indicators(september))
                .assertNext(sheet -> {
                    assertThat(sheet.indicators()).extracting(IndicatorDto::getCode)
                            .containsExactly("DEPOSIT_BALANCE", "LOAN_BALANCE", "NPL_RATIO");
                    assertThat(sheet.indicators()).extracting(IndicatorDto::getNameEn).containsOnly("2022-09 361002");
                })
                .verifyComplete();
    }

    private static IndicatorDto indicator(String code, IndicatorQuery query) {
        return new IndicatorDto().code(code).nameEn(query.period() + " " + query.region().code());
    }
}
