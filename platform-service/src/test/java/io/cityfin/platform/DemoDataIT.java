package io.cityfin.platform;

import static io.cityfin.platform.PlatformWeb.figure;
import static io.cityfin.platform.PlatformWeb.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.CallerAuthentication;
import io.cityfin.common.identity.Role;
import io.cityfin.common.test.WithOwnPostgres;
import io.cityfin.reporting.demo.DemoRecords;
import io.cityfin.reporting.test.RecordLineageChecks;
import reactor.core.publisher.Flux;

/**
 * The demo platforms, ratings and targets through the use cases and GET /indicators, against data-standard-2.md's "Demo
 * data": at 2022-09 PLATFORM_L1_COUNT 25 (city 2, county 23), rated AA+ 1, AA 7, AA or above 8, AAA 0, shell target
 * 5, deregistered 5, clean-up rate 100.00, shells remaining 0; the 2023 targets 1 and 2. A second load adds no version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
@WithOwnPostgres
class DemoDataIT {

    private static final Caller DEMO_ADMIN = new Caller("demo-data", Set.of(Role.ADMIN), null);

    @Autowired
    WebTestClient client;

    @Autowired
    ObjectProvider<DemoRecords> loaders;

    @Autowired
    @Qualifier("demoData")
    HealthIndicator demoData;

    @Test
    void loadsTheDemoPlatformsOnceWithTheFiguresOfTheStandard() {
        Awaitility.await("the service's demo data loaded").pollInterval(Duration.ofMillis(200)).atMost(Duration.ofSeconds(120))
                .until(demoData::health, health -> Status.UP.equals(health.getStatus()));
        PlatformWeb web = new PlatformWeb(client);

        web.sheet("2022-09", null)
                .jsonPath(of("PLATFORM_L1_COUNT")).value(figure("25"))
                .jsonPath(of("PLATFORM_L1_CITY_COUNT")).value(figure("2"))
                .jsonPath(of("PLATFORM_L1_COUNTY_COUNT")).value(figure("23"))
                .jsonPath(of("PLATFORM_RATED_AAA_COUNT")).value(figure("0"))
                .jsonPath(of("PLATFORM_RATED_AA_PLUS_COUNT")).value(figure("1"))
                .jsonPath(of("PLATFORM_RATED_AA_COUNT")).value(figure("7"))
                .jsonPath(of("PLATFORM_RATED_AA_OR_ABOVE_COUNT")).value(figure("8"))
                .jsonPath(of("SHELL_PLATFORM_TARGET_COUNT")).value(figure("5"))
                .jsonPath(of("SHELL_PLATFORM_DEREGISTERED_COUNT")).value(figure("5"))
                .jsonPath(of("SHELL_PLATFORM_CLEANUP_RATE")).value(figure("100.00"))
                .jsonPath(of("SHELL_PLATFORM_COUNT")).value(figure("0"))
                // at 2021-12-31 two of the five shells were deregistered (2021-11-30, 2021-12-20): 40 %, three still shells
                .jsonPath("$.indicators[?(@.code == 'SHELL_PLATFORM_CLEANUP_RATE')].yearStartValue").value(figure("40.00"))
                .jsonPath("$.indicators[?(@.code == 'SHELL_PLATFORM_COUNT')].yearStartValue").value(figure("3"))
                .jsonPath("$.indicators[?(@.code == 'SHELL_PLATFORM_CLEANUP_RATE')].unit").value(unit -> assertThat(unit.toString()).contains("PERCENT"))
                .jsonPath("$.indicators[?(@.code == 'PLATFORM_L1_COUNT')].reportingInstitutions").value(n -> assertThat((List<Object>) n).containsOnlyNulls());
        // 临川区 (361002): its two county L1 platforms, the city tier counting in no county
        web.sheet("2022-09", "361002")
                .jsonPath(of("PLATFORM_L1_COUNT")).value(figure("2"))
                .jsonPath(of("PLATFORM_L1_CITY_COUNT")).value(figure("0"))
                .jsonPath(of("PLATFORM_RATED_AA_PLUS_COUNT")).value(figure("0"));
        web.get("/targets/2023").expectStatus().isOk().expectBody()
                .jsonPath("$.targets[?(@.indicator == 'PLATFORM_NEW_AAA_CITY_YTD')].value").value(figure("1"))
                .jsonPath("$.targets[?(@.indicator == 'PLATFORM_NEW_AA_COUNTY_YTD')].value").value(figure("2"));
        web.sheet("2023-03", null).jsonPath("$.indicators[?(@.code == 'PLATFORM_NEW_AA_COUNTY_YTD')].target").value(figure("2"));

        Long again = Flux.fromStream(loaders.orderedStream()).concatMap(loader -> loader.load(new ClassPathResource("demo/platform-demo.json")))
                .reduce(0L, Long::sum)
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(DEMO_ADMIN, "demo")))
                .block(Duration.ofSeconds(120));
        assertThat(again).isZero();
    }

    @Test
    void listsThePlatformVersionsBehindEveryIndicatorWithTheRatingsTheyWereReadWith() {
        Awaitility.await("the service's demo data loaded").pollInterval(Duration.ofMillis(200)).atMost(Duration.ofSeconds(120))
                .until(demoData::health, health -> Status.UP.equals(health.getStatus()));
        RecordLineageChecks lineage = new RecordLineageChecks(client);

        RecordLineageChecks.Seen city = lineage.everyIndicator("2022-09", "361000");
        assertThat(city.collections()).contains("platforms");
        assertThat(city.joinedCollections()).contains("ratings");
        assertThat(lineage.everyIndicator("2022-09", "361002").entries()).isPositive();
    }
}
