package io.cityfin.gateway.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.identity.IndicatorView;
import io.cityfin.common.period.Period;
import io.cityfin.common.problem.FieldError;
import io.cityfin.common.region.Region;
import io.cityfin.common.test.MutableClock;
import io.cityfin.gateway.config.CityfinGatewayProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ConsolidatedIndicatorServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2022-10-08T09:00:00Z"));
    private final InMemoryGenerations generations = new InMemoryGenerations();
    private final InMemoryKeptAnswers kept = new InMemoryKeptAnswers();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Period september = Period.parse("2022-09");
    /** A reader's own timeout, as the bulletin's. */
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void concatenatesTheSourcesInTheirConfiguredOrder() {
        ServiceIndicators sources = (service, period, region, tag, timeout) -> Mono.just(set(service + ":" + region.code()));

        StepVerifier.create(service(sources, "b", "a").indicators(september, Region.JINXI, IndicatorView.STAFF))
                .assertNext(merged -> {
                    assertThat(merged.indicators()).extracting(IndicatorDto::getCode).containsExactly("b:361027", "a:361027");
                    assertThat(merged.sources()).containsExactly(SourceStatus.ok("b", "\"b:361027\""), SourceStatus.ok("a", "\"a:361027\""));
                    assertThat(merged.yearElapsedPct()).isEqualByComparingTo(new BigDecimal("74.79"));
                    assertThat(merged.generatedAt().toInstant()).isEqualTo(clock.instant());
                })
                .verifyComplete();
    }

    @Test
    void asksOnlyTheNamedSourceForOneServicesIndicatorsAndServesItsKeptFiguresWhenItFails() {
        List<String> asked = new ArrayList<>();
        boolean[] down = {false};
        ServiceIndicators sources = (service, period, region, tag, timeout) -> {
            asked.add(service + ":" + region.code());
            return down[0] ? Mono.error(new SourceUnavailableException("timeout after 2s")) : Mono.just(set(service + ":" + region.code()));
        };
        ConsolidatedIndicatorService consolidated = service(sources, "a", "b", "c");

        StepVerifier.create(consolidated.indicatorsOf("b", september, Region.JINXI, IndicatorView.STAFF, WAIT))
                .assertNext(indicators -> assertThat(indicators).extracting(IndicatorDto::getCode).containsExactly("b:361027"))
                .verifyComplete();
        assertThat(asked).containsExactly("b:361027");

        clock.advance(Duration.ofMinutes(2)); // past revalidate-after: asked again, fails, its kept figures are served
        down[0] = true;
        StepVerifier.create(consolidated.indicatorsOf("b", september, Region.JINXI, IndicatorView.STAFF, WAIT))
                .assertNext(indicators -> assertThat(indicators).extracting(IndicatorDto::getCode).containsExactly("b:361027"))
                .verifyComplete();
        assertThat(asked).containsExactly("b:361027", "b:361027");

        StepVerifier.create(consolidated.indicatorsOf("b", september, Region.LEAN, IndicatorView.STAFF, WAIT))
                .assertNext(indicators -> assertThat(indicators).isEmpty()) // never answered there: unavailable, no figures
                .verifyComplete();
        StepVerifier.create(consolidated.indicatorsOf("unknown", september, Region.CITY, IndicatorView.STAFF, WAIT))
                .expectError(IllegalArgumentException.class)
                .verify();
    }

    @Test
    void keepsWhatAnIndicatorSaysOfItsUnavailableInputs() {
        // platform-service's figure drawn on capital market, which did not answer platform: null and named, passed through
        IndicatorDto drawn = new IndicatorDto().code("PLATFORM_DIRECT_FINANCING_YTD").value(null).inputsUnavailable(List.of("capital-market-service"));
        ServiceIndicators sources = (service, period, region, tag, timeout) -> Mono.just(new SourceReply.Answered("\"p\"", List.of(drawn)));

        StepVerifier.create(service(sources, "platform-service").indicators(september, Region.CITY, IndicatorView.STAFF))
                .assertNext(merged -> assertThat(merged.indicators()).singleElement().satisfies(indicator -> {
                    assertThat(indicator.getValue()).isNull();
                    assertThat(indicator.getInputsUnavailable()).containsExactly("capital-market-service");
                }))
                .verifyComplete();
    }

    @Test
    void marksAFailedSourceUnavailableWithItsDetailAndKeepsTheOthers() {
        ServiceIndicators sources = (service, period, region, tag, timeout) -> service.equals("down")
                ? Mono.error(new SourceUnavailableException("timeout after 2s"))
                : Mono.just(set(service));

        StepVerifier.create(service(sources, "up", "down", "also-up").indicators(september, Region.CITY, IndicatorView.STAFF))
                .assertNext(merged -> {
                    assertThat(merged.indicators()).extracting(IndicatorDto::getCode).containsExactly("up", "also-up");
                    assertThat(merged.sources()).containsExactly(SourceStatus.ok("up", "\"up\""),
                            SourceStatus.unavailable("down", "timeout after 2s"), SourceStatus.ok("also-up", "\"also-up\""));
                })
                .verifyComplete();
    }

    @Test
    void doesNotLeakTheMessageOfAnUnexpectedFailure() {
        ServiceIndicators sources = (service, period, region, tag, timeout) -> Mono.error(new IllegalStateException("secret"));

        StepVerifier.create(service(sources, "odd").indicators(september, Region.CITY, IndicatorView.STAFF))
                .assertNext(merged -> assertThat(merged.sources().get(0).detail()).isEqualTo("unexpected failure: IllegalStateException"))
                .verifyComplete();
    }

    @Test
    void asksTheSourcesInParallel() {
        ServiceIndicators slow = (service, period, region, tag, timeout) -> Mono.just(set(service)).delayElement(Duration.ofMillis(300));

        // on virtual time: five sources of 300 ms each answer together after 300 ms, not one after another
        StepVerifier.withVirtualTime(() -> service(slow, "a", "b", "c", "d", "e").indicators(september, Region.CITY, IndicatorView.STAFF))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(299))
                .thenAwait(Duration.ofMillis(1))
                .assertNext(merged -> assertThat(merged.indicators()).hasSize(5))
                .verifyComplete();
    }

    @Test
    void waitsForEachSourceTheFanOutsTimeoutUnlessTheReaderGivesItsOwn() {
        List<Duration> waited = new CopyOnWriteArrayList<>();
        ServiceIndicators sources = (service, period, region, tag, timeout) -> {
            waited.add(timeout);
            return Mono.just(set(service + ":" + period));
        };
        ConsolidatedIndicatorService consolidated = service(sources, "a", "b");

        consolidated.indicators(september, Region.CITY, IndicatorView.STAFF).block();
        assertThat(waited).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));

        waited.clear();
        consolidated.indicators(Period.month(2022, 8), Region.CITY, IndicatorView.STAFF, Duration.ofSeconds(10)).block();
        consolidated.indicatorsOf("a", Period.month(2022, 7), Region.LINCHUAN, IndicatorView.STAFF, Duration.ofSeconds(9)).block();
        assertThat(waited).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(9));
    }

    @Test
    void relaysASourcesRefusalInsteadOfMarkingItUnavailable() {
        SourceRefusedException refused = new SourceRefusedException("picky", 400, "Bad Request", "no figures for 1991-01",
                List.of(FieldError.atParameter("period", "NOT_HERE", "not here")));
        ServiceIndicators sources = (service, period, region, tag, timeout) -> service.equals("picky") ? Mono.error(refused) : Mono.just(set(service));

        StepVerifier.create(service(sources, "up", "picky", "also-up").indicators(september, Region.CITY, IndicatorView.STAFF))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isSameAs(refused);
                    assertThat(((SourceRefusedException) error).status()).isEqualTo(400);
                    assertThat(((SourceRefusedException) error).detail()).isEqualTo("picky refused the request: no figures for 1991-01");
                    assertThat(((SourceRefusedException) error).errors()).extracting(FieldError::parameter).containsExactly("period");
                })
                .verify();
    }

    @Test
    void servesAKeptAnswerUnaskedUntilItsServiceIsWrittenOrAMinutePasses() {
        Source credit = new Source();
        ConsolidatedIndicatorService service = service(credit, "credit-service");

        assertThat(outcomeOf(service, IndicatorView.STAFF)).isEqualTo(SourceStatus.ok("credit-service", "\"v1\""));
        clock.advance(Duration.ofSeconds(59));
        service.indicators(september, Region.CITY, IndicatorView.STAFF).block();
        assertThat(credit.asked).as("unchanged generation, confirmed 59 s ago: not asked").containsExactly("none");

        generations.bump(List.of("credit-service")).block();
        service.indicators(september, Region.CITY, IndicatorView.STAFF).block();
        assertThat(credit.asked).as("after a write: asked with the kept tag").containsExactly("none", "\"v1\"");

        clock.advance(Duration.ofSeconds(61));
        service.indicators(september, Region.CITY, IndicatorView.STAFF).block();
        assertThat(credit.asked).as("61 s later: asked again").containsExactly("none", "\"v1\"", "\"v1\"");
        assertThat(meters.get("cityfin.fanout").tag("outcome", "kept").timer().count()).isEqualTo(1);
        assertThat(meters.get("cityfin.fanout").tag("outcome", "not_modified").timer().count()).isEqualTo(2);
        assertThat(meters.get("cityfin.fanout").tag("outcome", "ok").timer().count()).isEqualTo(1);
    }

    @Test
    void replacesTheKeptAnswerWhenTheServiceAnswersNewFigures() {
        Source credit = new Source();
        ConsolidatedIndicatorService service = service(credit, "credit-service");
        ConsolidatedIndicators first = service.indicators(september, Region.CITY, IndicatorView.STAFF).block();

        credit.version = 2;
        generations.bump(List.of("credit-service")).block();
        ConsolidatedIndicators second = service.indicators(september, Region.CITY, IndicatorView.STAFF).block();

        assertThat(second.indicators()).extracting(IndicatorDto::getCode).containsExactly("v2");
        assertThat(second.etag()).isNotEqualTo(first.etag());
        assertThat(kept.answers.values()).singleElement().satisfies(answer -> assertThat(answer.etag()).isEqualTo("\"v2\""));
    }

    @Test
    void servesTheSameMergedAnswerWhileNothingChanges() {
        Source credit = new Source();
        ConsolidatedIndicatorService service = service(credit, "credit-service");
        ConsolidatedIndicators first = service.indicators(september, Region.CITY, IndicatorView.STAFF).block();
        clock.advance(Duration.ofSeconds(61));

        ConsolidatedIndicators again = service.indicators(september, Region.CITY, IndicatorView.STAFF).block();

        assertThat(again).as("confirmed by a 304: the answer as first assembled").isSameAs(first);
        assertThat(service.indicators(september, Region.CITY, IndicatorView.PUBLIC).block().etag())
                .as("another view: another tag").isNotEqualTo(first.etag());
    }

    @Test
    void servesAFailedSourceFromItsKeptAnswerMarkedCachedWithWhenItWasLastConfirmed() {
        Source credit = new Source();
        ConsolidatedIndicatorService service = service(credit, "credit-service");
        Instant confirmed = clock.instant();
        ConsolidatedIndicators live = service.indicators(september, Region.CITY, IndicatorView.STAFF).block();
        credit.down = true;
        clock.advance(Duration.ofMinutes(16));

        ConsolidatedIndicators served = service.indicators(september, Region.CITY, IndicatorView.STAFF).block();

        assertThat(served.indicators()).extracting(IndicatorDto::getCode).containsExactly("v1");
        assertThat(served.sources()).containsExactly(SourceStatus.cached("credit-service", "not reachable: connection refused",
                confirmed.atOffset(ZoneOffset.UTC), "\"v1\""));
        assertThat(served.etag()).as("CACHED is another answer than OK").isNotEqualTo(live.etag());
        assertThat(meters.get("cityfin.fanout.cached.age").tag("source", "credit-service").gauge().value()).isEqualTo(960.0);

        credit.down = false;
        clock.advance(Duration.ofSeconds(61));
        assertThat(outcomeOf(service, IndicatorView.STAFF).status()).isEqualTo(SourceStatus.Status.OK);
        assertThat(meters.get("cityfin.fanout.cached.age").tag("source", "credit-service").gauge().value())
                .as("answering again clears the age").isZero();
    }

    @Test
    void neverServesOneViewsAnswerToAnother() {
        Source credit = new Source();
        ConsolidatedIndicatorService service = service(credit, "credit-service");
        service.indicators(september, Region.JINXI, IndicatorView.STAFF).block();
        credit.down = true;

        ConsolidatedIndicators portal = service.indicators(september, Region.JINXI, IndicatorView.PUBLIC).block();

        assertThat(credit.asked).as("the staff answer's tag is never sent for the public view").containsExactly("none", "none");
        assertThat(portal.indicators()).isEmpty();
        assertThat(portal.sources()).singleElement().satisfies(source -> assertThat(source.status()).isEqualTo(SourceStatus.Status.UNAVAILABLE));
    }

    @Test
    void servesAnAnswerAnotherReplicaKeptWhenTheSourceFails() {
        Source credit = new Source();
        service(credit, "credit-service").indicators(september, Region.CITY, IndicatorView.STAFF).block();
        assertThat(service(credit, "credit-service").indicators(september, Region.CITY, IndicatorView.STAFF).block().sources())
                .as("another replica serves the kept answer unasked while it is current").extracting(SourceStatus::status)
                .containsExactly(SourceStatus.Status.OK);
        assertThat(credit.asked).hasSize(1);
        credit.down = true;
        clock.advance(Duration.ofSeconds(61));

        ConsolidatedIndicators other = service(credit, "credit-service").indicators(september, Region.CITY, IndicatorView.STAFF).block();

        assertThat(other.sources()).singleElement().satisfies(source -> assertThat(source.status()).isEqualTo(SourceStatus.Status.CACHED));
        assertThat(other.indicators()).extracting(IndicatorDto::getCode).containsExactly("v1");
    }

    @Test
    void asksEverySourceWhenTheGenerationsCannotBeRead() {
        Source credit = new Source();
        ConsolidatedIndicatorService service = service(credit, "credit-service");
        service.indicators(september, Region.CITY, IndicatorView.STAFF).block();
        generations.failing = true;

        assertThat(outcomeOf(service, IndicatorView.STAFF).status()).isEqualTo(SourceStatus.Status.OK);
        assertThat(credit.asked).containsExactly("none", "\"v1\"");
    }

    @Test
    void keepsNothingOfARefusal() {
        SourceRefusedException refused = new SourceRefusedException("picky", 400, "Bad Request", "no", List.of());
        ServiceIndicators sources = (service, period, region, tag, timeout) -> Mono.error(refused);

        StepVerifier.create(service(sources, "picky").indicators(september, Region.CITY, IndicatorView.STAFF)).expectError().verify();

        assertThat(kept.answers).isEmpty();
        assertThat(meters.get("cityfin.fanout").tag("outcome", "refused").timer().count()).isEqualTo(1);
    }

    private SourceStatus outcomeOf(ConsolidatedIndicatorService service, IndicatorView view) {
        return service.indicators(september, Region.CITY, view).block().sources().get(0);
    }

    /** A service whose figures are one indicator named after its version, tagged alike; answers 304 to its own tag. */
    private static final class Source implements ServiceIndicators {

        final List<String> asked = new CopyOnWriteArrayList<>();
        volatile int version = 1;
        volatile boolean down;

        @Override
        public Mono<SourceReply> fetch(String service, Period period, Region region, @Nullable String ifNoneMatch, Duration timeout) {
            asked.add(ifNoneMatch == null ? "none" : ifNoneMatch);
            if (down) {
                return Mono.error(new SourceUnavailableException("not reachable: connection refused"));
            }
            String etag = "\"v" + version + "\"";
            return Mono.just(etag.equals(ifNoneMatch) ? new SourceReply.NotModified(etag) : set("v" + version));
        }
    }

    private ConsolidatedIndicatorService service(ServiceIndicators sources, String... names) {
        Map<String, URI> services = new LinkedHashMap<>();
        for (String name : names) {
            services.put(name, URI.create("http://" + name));
        }
        return new ConsolidatedIndicatorService(new CityfinGatewayProperties(services, Duration.ofSeconds(2), null, null, null),
                new IndicatorCacheProperties(Duration.ofSeconds(60), 100, Map.of()), sources, generations, kept, clock, meters);
    }

    /** A service's answer of one indicator, tagged with its code. */
    private static SourceReply set(String code) {
        return new SourceReply.Answered("\"" + code + "\"", List.of(new IndicatorDto().code(code)));
    }
}
