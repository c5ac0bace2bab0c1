package io.cityfin.capitalmarket.demo;

import static io.cityfin.capitalmarket.financing.FinancingCalls.money;
import static io.cityfin.capitalmarket.financing.FinancingCalls.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.capitalmarket.financing.FinancingCalls;
import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.CallerAuthentication;
import io.cityfin.common.identity.Role;
import io.cityfin.common.test.WithOwnPostgres;
import io.cityfin.reporting.demo.DemoRecords;
import io.cityfin.reporting.indicator.RecordRows;
import io.cityfin.reporting.test.RecordLineageChecks;
import reactor.core.publisher.Flux;

/**
 * The demo file loaded at start, on a database of its own: data-standard-2.md's "Demo data" figures of direct
 * financing, private funds and securities institutions at 2022-09, the 2023 targets, and a second load adding nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres
class FinancingDemoDataIT {

    @Autowired
    WebTestClient web;

    @Autowired
    @Qualifier("demoData")
    HealthIndicator demoData;

    @Autowired
    List<DemoRecords> loaders;

    @Test
    void reproducesTheStandardsFiguresAt2022_09AndTheTargetsProgressAndLoadsOnlyOnce() {
        Awaitility.await("the demo data loaded").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> Status.UP.equals(demoData.health().getStatus()));
        FinancingCalls calls = new FinancingCalls(web);

        calls.sheet("2022-09", null)
                .jsonPath(of("DF_EXCHANGE_MARKET_YTD", "value")).value(money("3305000000.00"))
                .jsonPath(of("DF_INTERBANK_BOND_YTD", "value")).value(money("2200000000.00"))
                .jsonPath(of("DF_ENTERPRISE_BOND_YTD", "value")).value(money("100000000.00"))
                .jsonPath(of("DF_OTHER_YTD", "value")).value(money("1631000000.00"))
                .jsonPath(of("DIRECT_FINANCING_YTD", "value")).value(money("7236000000.00"))
                .jsonPath(of("DF_PLATFORM_YTD", "value")).value(money("2300000000.00"))
                .jsonPath(of("PRIVATE_FUND_AMAC_COUNT", "value")).value(money("8"))
                .jsonPath(of("PRIVATE_FUND_INVESTMENT_YTD", "value")).value(money("81588100.00"))
                .jsonPath(of("PRIVATE_FUND_LOCAL_INVESTMENT_YTD", "value")).value(money("81588100.00"))
                .jsonPath(of("SECURITIES_INSTITUTION_COUNT", "value")).value(money("10"));
        calls.sheet("2021-12", null)
                .jsonPath(of("SECURITIES_INSTITUTION_COUNT", "value")).value(money("9"))
                .jsonPath(of("DIRECT_FINANCING_YTD", "value")).value(money("0"));
        calls.expect("2022-12", null, "DIRECT_FINANCING_YTD", "7236000000.00");

        calls.created("/direct-financing", "{\"issuer\": {\"uscc\": \"91361000MA35GF2F4Y\", \"name\": \"抚州测试发行人\", \"kind\": \"ENTERPRISE\"}, "
                + "\"region\": \"361002\", \"channel\": \"EXCHANGE_MARKET\", \"instrument\": \"CORPORATE_BOND\", \"securityCode\": \"DEMOIT.SH\", "
                + "\"amount\": 1500000000.00, \"issuedOn\": \"2023-03-01\", \"leadUnderwriter\": null}");
        calls.sheet("2023-06", null)
                .jsonPath(of("DIRECT_FINANCING_YTD", "target")).value(money("15000000000"))
                .jsonPath(of("DIRECT_FINANCING_YTD", "targetProgressPct")).value(money("10"))
                .jsonPath(of("NEW_LISTINGS_YTD", "target")).value(money("2"));

        Caller admin = new Caller("demo-data", Set.of(Role.ADMIN), null);
        Long again = Flux.fromIterable(loaders).concatMap(loader -> loader.load(new ClassPathResource("demo/capital-market-demo.json")))
                .reduce(0L, Long::sum)
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(admin, "demo")))
                .block(Duration.ofSeconds(60));
        assertThat(again).isZero();
        calls.expect("2022-09", null, "DIRECT_FINANCING_YTD", "7236000000.00");
        calls.expect("2022-09", null, "PRIVATE_FUND_INVESTMENT_YTD", "81588100.00");
    }

    @Test
    void listsTheVersionsBehindEveryIndicatorWithTheFundsEnterprisesAndRegistryTheyWereReadWith() {
        Awaitility.await("the demo data loaded").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> Status.UP.equals(demoData.health().getStatus()));
        RecordLineageChecks lineage = new RecordLineageChecks(web);

        RecordLineageChecks.Seen city = lineage.everyIndicator("2022-09", "361000");
        // investments read with their funds, pipelines with their enterprises, securities institutions from the registry
        assertThat(city.collections()).contains("direct-financing", "private-funds", "fund-investments", "enterprises", "pipelines",
                RecordRows.REGISTRY);
        assertThat(city.joinedCollections()).contains("private-funds", "enterprises");
        assertThat(lineage.everyIndicator("2022-09", "361002").entries()).isPositive();
    }
}
