package io.cityfin.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.info.BuildProperties;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.CityClock;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.catalogue.Catalogue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class KeptSheetsTest {

    private final IndicatorQuery september = new IndicatorQuery(Period.parse("2022-09"), Region.LINCHUAN);
    private final IndicatorQuery city = new IndicatorQuery(Period.parse("2022-09"), Region.CITY);
    private final AtomicInteger computed = new AtomicInteger();
    private final IndicatorSource counting = source(query -> Flux.defer(() -> {
        computed.incrementAndGet();
        return Flux.just(new IndicatorDto().code("LOAN_BALANCE").nameEn(query.region().code()));
    }));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void aTagAnsweredBeforeIsServedFromTheKeptSheetAndANewTagIsComputed() {
        KeptSheets kept = kept(256);

        IndicatorSheet first = kept.sheet(september, "\"v7\"").block();
        IndicatorSheet again = kept.sheet(september, "\"v7\"").block();
        IndicatorSheet afterAWrite = kept.sheet(september, "\"v8\"").block();

        assertThat(again).as("the same sheet, as first computed").isSameAs(first);
        assertThat(afterAWrite).isNotSameAs(first);
        assertThat(computed).as("computed for v7 once and for v8 once").hasValue(2);
        assertThat(meters.get("cityfin.indicators.kept").tag("outcome", "hit").counter().count()).isEqualTo(1);
        assertThat(meters.get("cityfin.indicators.kept").tag("outcome", "miss").counter().count()).isEqualTo(2);
    }

    @Test
    void eachTagKeepsItsOwnSheet() {
        KeptSheets kept = kept(256);

        IndicatorSheet county = kept.sheet(september, "\"county\"").block();
        IndicatorSheet wholeCity = kept.sheet(city, "\"city\"").block();

        assertThat(kept.sheet(september, "\"county\"").block()).isSameAs(county);
        assertThat(kept.sheet(city, "\"city\"").block()).isSameAs(wholeCity);
        assertThat(wholeCity.indicators()).extracting(IndicatorDto::getNameEn).containsExactly("361000");
        assertThat(computed).hasValue(2);
    }

    @Test
    void sizeZeroKeepsNothingAndANegativeSizeIsRefused() {
        KeptSheets none = kept(0);

        none.sheet(september, "\"v7\"").block();
        none.sheet(september, "\"v7\"").block();

        assertThat(computed).hasValue(2);
        assertThatThrownBy(() -> kept(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cityfin.indicators.kept-sheets");
    }

    @Test
    void aFailedComputationIsNotKept() {
        AtomicInteger calls = new AtomicInteger();
        IndicatorSource failingOnce = source(query -> Flux.defer(() -> calls.incrementAndGet() == 1
                ? Flux.error(new IllegalStateException("database away"))
                : Flux.just(new IndicatorDto().code("LOAN_BALANCE"))));
        KeptSheets kept = new KeptSheets(service(failingOnce), 256, meters);

        assertThatThrownBy(() -> kept.sheet(september, "\"v7\"").block()).hasMessageContaining("database away");
        assertThat(kept.sheet(september, "\"v7\"").block().indicators()).extracting(IndicatorDto::getCode).containsExactly("LOAN_BALANCE");
        assertThat(calls).hasValue(2);
    }

    /** A source of LOAN_BALANCE whose sheets {@code indicators} makes. */
    private static IndicatorSource source(Function<IndicatorQuery, Flux<IndicatorDto>> indicators) {
        return new IndicatorSource() {
            @Override
            public Flux<IndicatorDto> indicators(IndicatorQuery query) {
                return indicators.apply(query);
            }

            @Override
            public List<String> codes() {
                return List.of("LOAN_BALANCE");
            }
        };
    }

    private KeptSheets kept(int size) {
        return new KeptSheets(service(counting), size, meters);
    }

    private IndicatorService service(IndicatorSource source) {
        return new IndicatorService(List.of(source), () -> Mono.just("epoch:7"), new Catalogue("credit-service", List.of(), Set.of()),
                Clock.fixed(Instant.parse("2022-10-08T09:00:00Z"), CityClock.ZONE), meters,
                new StaticListableBeanFactory().getBeanProvider(BuildProperties.class));
    }
}
