package io.cityfin.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.info.BuildProperties;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;

import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.CallerAuthentication;
import io.cityfin.common.identity.Role;
import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.CityClock;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.catalogue.Kind;
import io.cityfin.reporting.catalogue.Unit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class IndicatorServiceTest {

    private final Clock clock = Clock.fixed(Instant.parse("2022-10-08T09:00:00Z"), CityClock.ZONE);
    private final IndicatorQuery september = new IndicatorQuery(Period.parse("2022-09"), Region.LINCHUAN);

    @Test
    void answersAnEmptySheetWithoutSources() {
        StepVerifier.create(service(List.of()).indicators(september))
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
        IndicatorSource loans = source(List.of("LOAN_BALANCE"));
        IndicatorSource deposits = source(List.of("DEPOSIT_BALANCE", "NPL_RATIO"));

        StepVerifier.create(service(List.of(loans, deposits)).indicators(september))
                .assertNext(sheet -> {
                    assertThat(sheet.indicators()).extracting(IndicatorDto::getCode)
                            .containsExactly("DEPOSIT_BALANCE", "LOAN_BALANCE", "NPL_RATIO");
                    assertThat(sheet.indicators()).extracting(IndicatorDto::getNameEn).containsOnly("2022-09 361002");
                })
                .verifyComplete();
    }

    @Test
    void answersTheUnionOfItsSourcesCodesInTheSheetsOrderWithoutComputingOne() {
        AtomicInteger computed = new AtomicInteger();
        IndicatorSource loans = source(List.of("LOAN_BALANCE", "NPL_RATIO"), computed);
        IndicatorSource deposits = source(List.of("DEPOSIT_BALANCE"), computed);

        IndicatorService service = service(List.of(loans, deposits));

        assertThat(service.codes()).containsExactly("DEPOSIT_BALANCE", "LOAN_BALANCE", "NPL_RATIO");
        assertThat(computed).as("the codes are the configuration's").hasValue(0);
        assertThat(service(List.of()).codes()).isEmpty();
    }

    /**
     * The record machinery's codes: served measures (not an input-only one), an imported figure whose service does not
     * answer (listed, null) and a derived one; each the sheet lists for the city and, withheld, for a PORTAL county.
     */
    @Test
    void listsInItsCodesExactlyTheRecordIndicatorsASheetLists() {
        record Deal(String region, BigDecimal amount) {
        }
        RecordRows<Deal> deals = RecordRows.of(() -> Flux.just(new Deal("361002", BigDecimal.TEN)));
        IndicatorDefinition amount = RecordRows.measured("DEAL_AMOUNT", "金额", "Amount", Unit.CNY, Kind.STOCK);
        IndicatorDefinition count = RecordRows.measured("DEAL_COUNT", "笔数", "Deals", Unit.COUNT, Kind.STOCK);
        IndicatorDefinition imported = RecordRows.measured("REMOTE_AMOUNT", "远端", "Remote", Unit.CNY, Kind.STOCK);
        IndicatorDefinition average = new IndicatorDefinition("DEAL_AVERAGE", "平均", "Average deal", Unit.CNY, Kind.RATIO,
                Formula.perUnit("DEAL_AMOUNT", "DEAL_COUNT"), Set.of("DEAL_AMOUNT", "DEAL_COUNT"));
        RecordIndicators declared = RecordIndicators.of(deals.measure(amount, (deal, day) -> deal.amount()).region(Deal::region),
                        deals.count(count, (deal, day) -> true).region(Deal::region).inputOnly())
                .importing(Imported.of(imported, "capital-market", "REMOTE_AMOUNT"))
                .with(average)
                .cityWideOnly();
        StaticListableBeanFactory beans = new StaticListableBeanFactory(java.util.Map.of("declared", declared));
        RecordIndicatorSource records = new RecordIndicatorSource(beans.getBeanProvider(RecordIndicators.class), year -> Mono.just(List.of()),
                new Catalogue("test-service", List.of(), Set.of()));
        IndicatorService service = service(List.of(records, source(List.of("ALERTS_OPEN"))));

        assertThat(service.codes()).containsExactly("ALERTS_OPEN", "DEAL_AMOUNT", "DEAL_AVERAGE", "REMOTE_AMOUNT");
        for (IndicatorQuery query : List.of(new IndicatorQuery(Period.parse("2022-09"), Region.CITY), september)) {
            for (Role role : List.of(Role.ANALYST, Role.PORTAL)) {
                IndicatorSheet sheet = service.indicators(query).contextWrite(ReactiveSecurityContextHolder.withAuthentication(
                        new CallerAuthentication(new Caller("key-" + role, Set.of(role), null), "token"))).block();
                assertThat(sheet.indicators()).extracting(IndicatorDto::getCode).as(query + " " + role).containsExactlyElementsOf(service.codes());
            }
        }
    }

    private final AtomicReference<String> version = new AtomicReference<>("epoch:7");

    @Test
    void tagsAnAnswerByServiceDataVersionViewPeriodRegionAndSourceTagsWithoutComputingAnIndicator() {
        AtomicInteger computed = new AtomicInteger();
        AtomicReference<String> imported = new AtomicReference<>("capital-market=\"a\";");
        IndicatorSource importing = new IndicatorSource() {
            @Override
            public Flux<IndicatorDto> indicators(IndicatorQuery query) {
                computed.incrementAndGet();
                return Flux.just(indicator("IMPORTED", query));
            }

            @Override
            public List<String> codes() {
                return List.of("IMPORTED");
            }

            @Override
            public Mono<String> tag(IndicatorQuery query) {
                return Mono.just(imported.get());
            }
        };
        IndicatorService service = service(List.of(importing));
        IndicatorQuery city = new IndicatorQuery(Period.parse("2022-09"), Region.CITY);

        String analyst = tag(service, september, Role.ANALYST);
        assertThat(analyst).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(tag(service, september, Role.ADMIN)).as("one view for all staff").isEqualTo(analyst);
        String portal = tag(service, september, Role.PORTAL);
        assertThat(tag(service, september, Role.SUBMITTER)).as("one view for the public").isEqualTo(portal);
        assertThat(tag(service, september, null)).as("no caller: public").isEqualTo(portal);
        String otherPeriod = tag(service, new IndicatorQuery(Period.parse("2022-08"), Region.LINCHUAN), Role.ANALYST);
        String cityTag = tag(service, city, Role.ANALYST);
        version.set("epoch:8");
        String written = tag(service, september, Role.ANALYST);
        imported.set("capital-market=\"b\";");
        String reimported = tag(service, september, Role.ANALYST);
        version.set("other-epoch:8");
        String otherDatabase = tag(service, september, Role.ANALYST);

        assertThat(Set.of(analyst, portal, otherPeriod, cityTag, written, reimported, otherDatabase)).as("each part tells").hasSize(7);
        assertThat(tag(service(List.of(importing), "other-service"), september, Role.ANALYST)).isNotEqualTo(otherDatabase);
        assertThat(tag(service(List.of(importing), "credit-service", build("2026-12-06T04:00:00Z")), september, Role.ANALYST))
                .as("another build: the code is part of the answer").isNotEqualTo(otherDatabase)
                .isNotEqualTo(tag(service(List.of(importing), "credit-service", build("2026-12-07T04:00:00Z")), september, Role.ANALYST));
        assertThat(computed).as("a tag computes no indicator").hasValue(0);
    }

    private String tag(IndicatorService service, IndicatorQuery query, Role role) {
        Mono<String> tag = service.tag(query);
        if (role != null) {
            tag = tag.contextWrite(ReactiveSecurityContextHolder.withAuthentication(
                    new CallerAuthentication(new Caller("key-" + role, Set.of(role), null), "token")));
        }
        return tag.block();
    }

    private IndicatorService service(List<IndicatorSource> sources) {
        return service(sources, "credit-service");
    }

    private IndicatorService service(List<IndicatorSource> sources, String name) {
        return service(sources, name, null);
    }

    private IndicatorService service(List<IndicatorSource> sources, String name, BuildProperties build) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (build != null) {
            beans.addBean("buildProperties", build);
        }
        return new IndicatorService(sources, () -> Mono.just(version.get()), new Catalogue(name, List.of(), Set.of()), clock,
                new SimpleMeterRegistry(), beans.getBeanProvider(BuildProperties.class));
    }

    private static BuildProperties build(String time) {
        Properties properties = new Properties();
        properties.setProperty("version", "0.0.1-SNAPSHOT");
        properties.setProperty("time", time);
        return new BuildProperties(properties);
    }

    /** A source listing {@code codes} for any query. */
    private static IndicatorSource source(List<String> codes) {
        return source(codes, new AtomicInteger());
    }

    private static IndicatorSource source(List<String> codes, AtomicInteger computed) {
        return new IndicatorSource() {
            @Override
            public Flux<IndicatorDto> indicators(IndicatorQuery query) {
                computed.incrementAndGet();
                return Flux.fromIterable(codes).map(code -> indicator(code, query));
            }

            @Override
            public List<String> codes() {
                return codes;
            }
        };
    }

    private static IndicatorDto indicator(String code, IndicatorQuery query) {
        return new IndicatorDto().code(code).nameEn(query.period() + " " + query.region().code());
    }
}
