package io.cityfin.risk.lead;

import static io.cityfin.risk.lead.CasesWeb.figure;
import static io.cityfin.risk.lead.CasesWeb.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Comparator;
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
import io.cityfin.common.period.Period;
import io.cityfin.common.test.WithOwnPostgres;
import io.cityfin.reporting.demo.DemoRecords;
import io.cityfin.risk.alert.Colour;
import io.cityfin.risk.alert.Finding;
import io.cityfin.risk.plan.RepaymentInstalmentLateRule;
import reactor.core.publisher.Flux;

/**
 * The demo repayment plan, leads and cases, publicity and the 2023 target through the use cases and GET /indicators,
 * against data-standard-2.md's "Demo data" at 2022-09: 11 lending leads, 4 filed, 896 persons, 334,230,000.00; 3
 * disposed without a case, 1,270,000.00 recovered; 2 legacy cases remaining; 249 events in 6 settings, 112,000 persons,
 * 163,000 materials, 385,000 messages; 99,520,000.00 repaid = 40.00 %. The alerts the three rules raise on it at
 * 2022-09, the published “七进” (7 settings against the records' 6), and a second load adding nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
@WithOwnPostgres
class CasesDemoIT {

    private static final Caller DEMO_ADMIN = new Caller("demo-data", Set.of(Role.ADMIN), null);
    private static final Period SEPTEMBER = Period.month(2022, 9);

    @Autowired
    WebTestClient client;

    @Autowired
    ObjectProvider<DemoRecords> loaders;

    @Autowired
    @Qualifier("demoData")
    HealthIndicator demoData;

    @Autowired
    IfrLeadScaleRule scale;

    @Autowired
    IfrLeadStaleRule stale;

    @Autowired
    RepaymentInstalmentLateRule late;

    @Test
    void loadsTheDemoCasesOnceWithTheFiguresOfTheStandard() {
        Awaitility.await("the service's demo data loaded").pollInterval(Duration.ofMillis(200)).atMost(Duration.ofSeconds(180))
                .until(demoData::health, health -> Status.UP.equals(health.getStatus()));
        CasesWeb web = new CasesWeb(client);

        web.sheet("2022-09", null)
                .jsonPath(of("LENDING_CHAOS_LEADS_YTD")).value(figure("11"))
                .jsonPath(of("LENDING_CHAOS_LEADS_FILED_YTD")).value(figure("4"))
                .jsonPath(of("LENDING_CASE_PERSONS_INVOLVED_YTD")).value(figure("896"))
                .jsonPath(of("LENDING_CASE_AMOUNT_INVOLVED_YTD")).value(figure("334230000.00"))
                .jsonPath(of("AIF_LEADS_YTD")).value(figure("3"))
                .jsonPath(of("AIF_CASES_FILED_YTD")).value(figure("0"))
                .jsonPath(of("AIF_DISPOSED_WITHOUT_CASE_YTD")).value(figure("3"))
                .jsonPath(of("AIF_LOSS_RECOVERED_YTD")).value(figure("1270000.00"))
                .jsonPath(of("LEGACY_IFR_CASES_REMAINING")).value(figure("2"))
                .jsonPath(of("LEGACY_IFR_CASES_CLOSED_YTD")).value(figure("0"))
                .jsonPath(of("AIF_PUBLICITY_EVENTS_YTD")).value(figure("249"))
                .jsonPath(of("AIF_PUBLICITY_SETTINGS_YTD")).value(figure("6"))
                .jsonPath(of("AIF_PUBLICITY_REACH_PERSONS_YTD")).value(figure("112000"))
                .jsonPath(of("AIF_MATERIALS_DISTRIBUTED_YTD")).value(figure("163000"))
                .jsonPath(of("AIF_SMS_SENT_YTD")).value(figure("385000"))
                .jsonPath(of("PRIVATE_LENDING_REPAID_CUM")).value(figure("99520000.00"))
                .jsonPath(of("PRIVATE_LENDING_REPAID_PCT")).value(figure("40.00"));
        // the plan's institution is in 临川区; the three 直存 firms in 高新区 (two) and 东乡区 (one)
        web.sheet("2022-09", "361002").jsonPath(of("PRIVATE_LENDING_REPAID_CUM")).value(figure("99520000.00"));
        web.sheet("2022-09", "361090").jsonPath(of("AIF_DISPOSED_WITHOUT_CASE_YTD")).value(figure("2"));
        web.sheet("2022-09", "361003").jsonPath(of("AIF_DISPOSED_WITHOUT_CASE_YTD")).value(figure("1"));
        web.get("/targets/2023").expectStatus().isOk().expectBody()
                .jsonPath("$.targets[?(@.indicator == 'LEGACY_IFR_CASES_CLOSED_YTD')].value").value(figure("2"));
        web.sheet("2023-03", null).jsonPath(of("LEGACY_IFR_CASES_CLOSED_YTD", "target")).value(figure("2"));

        // at 2022-09 only the four filed lending cases are large enough for IFR_LEAD_SCALE (156, 98.5, 52.73 and 27 million);
        // no lead waits in RECEIVED or VERIFYING, and every instalment was paid on its day
        List<Finding> scaleFound = scale.evaluate(SEPTEMBER, scale.defaults()).block(Duration.ofSeconds(30));
        assertThat(scaleFound).extracting(Finding::colour).containsExactlyInAnyOrder(Colour.RED, Colour.ORANGE, Colour.ORANGE, Colour.YELLOW);
        assertThat(scaleFound.stream().max(Comparator.comparing(Finding::value)).orElseThrow().value()).isEqualByComparingTo("156000000");
        assertThat(stale.evaluate(SEPTEMBER, stale.defaults()).block(Duration.ofSeconds(30))).isEmpty();
        assertThat(late.evaluate(SEPTEMBER, late.defaults()).block(Duration.ofSeconds(30))).isEmpty();

        // the document printed “七进” (seed-catalogue C22); the year's events to 9月末 reach the six settings above
        web.get("/published-figures?period=2022-09&indicator=AIF_PUBLICITY_SETTINGS_YTD").expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "1")
                .expectBody()
                .jsonPath("$[0].field").isEqualTo("value")
                .jsonPath("$[0].region").isEqualTo("361000")
                .jsonPath("$[0].printed").isEqualTo("七进")
                .jsonPath("$[0].document").isEqualTo("2022年金融工作总结")
                .jsonPath("$[0].version").isEqualTo(1)
                .jsonPath("$[0].value").value(figure("7"))
                .jsonPath("$[0].rounding").value(figure("1"));

        Long again = Flux.fromStream(loaders.orderedStream()).concatMap(loader -> loader.load(new ClassPathResource("demo/risk-demo.json")))
                .reduce(0L, Long::sum)
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(DEMO_ADMIN, "demo")))
                .block(Duration.ofSeconds(120));
        assertThat(again).isZero();
    }
}
