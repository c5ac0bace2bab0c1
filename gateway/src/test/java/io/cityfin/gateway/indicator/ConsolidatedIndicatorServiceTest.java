package io.cityfin.gateway.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.indicator.api.model.IndicatorSetDto;
import io.cityfin.common.period.CityClock;
import io.cityfin.common.period.Period;
import io.cityfin.common.problem.FieldError;
import io.cityfin.common.region.Region;
import io.cityfin.gateway.config.CityfinGatewayProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ConsolidatedIndicatorServiceTest {

    private final Clock clock = Clock.fixed(Instant.parse("2022-10-08T09:00:00Z"), CityClock.ZONE);
    private final Period september = Period.parse("2022-09");

    @Test
    void concatenatesTheSourcesInTheirConfiguredOrder() {
        ServiceIndicators sources = (service, period, region) -> Mono.just(set(service + ":" + region.code()));

        StepVerifier.create(service(sources, "b", "a").indicators(september, Region.JINXI))
                .assertNext(merged -> {
                    assertThat(merged.indicators()).extracting(IndicatorDto::getCode).containsExactly("b:361027", "a:361027");
                    assertThat(merged.sources()).containsExactly(SourceStatus.ok("b"), SourceStatus.ok("a"));
                    assertThat(merged.yearElapsedPct()).isEqualByComparingTo(new BigDecimal("74.79"));
                    assertThat(merged.generatedAt().toInstant()).isEqualTo(clock.instant());
                })
                .verifyComplete();
    }

    @Test
    void keepsWhatAnIndicatorSaysOfItsUnavailableInputs() {
        // platform-service's figure drawn on capital market, which did not answer platform: null and named, passed through
        IndicatorDto drawn = new IndicatorDto().code("PLATFORM_DIRECT_FINANCING_YTD").value(null).inputsUnavailable(List.of("capital-market-service"));
        ServiceIndicators sources = (service, period, region) -> Mono.just(new IndicatorSetDto().indicators(List.of(drawn)));

        StepVerifier.create(service(sources, "platform-service").indicators(september, Region.CITY))
                .assertNext(merged -> assertThat(merged.indicators()).singleElement().satisfies(indicator -> {
                    assertThat(indicator.getValue()).isNull();
                    assertThat(indicator.getInputsUnavailable()).containsExactly("capital-market-service");
                }))
                .verifyComplete();
    }

    @Test
    void marksAFailedSourceUnavailableWithItsDetailAndKeepsTheOthers() {
        ServiceIndicators sources = (service, period, region) -> service.equals("down")
                ? Mono.error(new SourceUnavailableException("timeout after 2s"))
                : Mono.just(set(service));

        StepVerifier.create(service(sources, "up", "down", "also-up").indicators(september, Region.CITY))
                .assertNext(merged -> {
                    assertThat(merged.indicators()).extracting(IndicatorDto::getCode).containsExactly("up", "also-up");
                    assertThat(merged.sources()).containsExactly(SourceStatus.ok("up"),
                            SourceStatus.unavailable("down", "timeout after 2s"), SourceStatus.ok("also-up"));
                })
                .verifyComplete();
    }

    @Test
    void doesNotLeakTheMessageOfAnUnexpectedFailure() {
        ServiceIndicators sources = (service, period, region) -> Mono.error(new IllegalStateException("secret"));

        StepVerifier.create(service(sources, "odd").indicators(september, Region.CITY))
                .assertNext(merged -> assertThat(merged.sources().get(0).detail()).isEqualTo("unexpected failure: IllegalStateException"))
                .verifyComplete();
    }

    @Test
    void asksTheSourcesInParallel() {
        ServiceIndicators slow = (service, period, region) -> Mono.just(set(service)).delayElement(Duration.ofMillis(300));

        // on virtual time: five sources of 300 ms each answer together after 300 ms, not one after another
        StepVerifier.withVirtualTime(() -> service(slow, "a", "b", "c", "d", "e").indicators(september, Region.CITY))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(299))
                .thenAwait(Duration.ofMillis(1))
                .assertNext(merged -> assertThat(merged.indicators()).hasSize(5))
                .verifyComplete();
    }

    @Test
    void relaysASourcesRefusalInsteadOfMarkingItUnavailable() {
        SourceRefusedException refused = new SourceRefusedException("picky", 400, "Bad Request", "no figures for 1991-01",
                List.of(FieldError.atParameter("period", "NOT_HERE", "not here")));
        ServiceIndicators sources = (service, period, region) -> service.equals("picky") ? Mono.error(refused) : Mono.just(set(service));

        StepVerifier.create(service(sources, "up", "picky", "also-up").indicators(september, Region.CITY))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isSameAs(refused);
                    assertThat(((SourceRefusedException) error).status()).isEqualTo(400);
                    assertThat(((SourceRefusedException) error).detail()).isEqualTo("picky refused the request: no figures for 1991-01");
                    assertThat(((SourceRefusedException) error).errors()).extracting(FieldError::parameter).containsExactly("period");
                })
                .verify();
    }

    private ConsolidatedIndicatorService service(ServiceIndicators sources, String... names) {
        Map<String, URI> services = new LinkedHashMap<>();
        for (String name : names) {
            services.put(name, URI.create("http://" + name));
        }
        return new ConsolidatedIndicatorService(new CityfinGatewayProperties(services, Duration.ofSeconds(2), null, null, null), sources, clock,
                new SimpleMeterRegistry());
    }

    private static IndicatorSetDto set(String code) {
        return new IndicatorSetDto().indicators(List.of(new IndicatorDto().code(code)));
    }
}
