package io.cityfin.risk.organisation;

import static io.cityfin.risk.organisation.OrganisationWeb.figure;
import static io.cityfin.risk.organisation.OrganisationWeb.of;
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

import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.CallerAuthentication;
import io.cityfin.common.identity.Role;
import io.cityfin.common.test.WithOwnPostgres;
import io.cityfin.reporting.demo.DemoData;
import io.cityfin.reporting.demo.DemoRecords;
import io.cityfin.reporting.indicator.RecordRows;
import io.cityfin.reporting.institution.InstitutionService;
import io.cityfin.reporting.test.RecordLineageChecks;
import reactor.core.publisher.Flux;

/**
 * The demo organisations, ratings and actions through the use cases and GET /indicators, against data-standard-2.md's
 * "Demo data" and the brief: at 2022-09 6 exit notices, 6 revoked pilots, 2 persuaded exits, 2 letters, 6 inspections;
 * no SMALL_LOAN left, 6 of the 8 FINANCING_GUARANTEE. A second load of the registry and of the ratings and actions adds
 * no version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
@WithOwnPostgres
class OrganisationDemoIT {

    private static final Caller DEMO_ADMIN = new Caller("demo-data", Set.of(Role.ADMIN), null);
    private static final ClassPathResource DEMO = new ClassPathResource("demo/risk-demo.json");

    @Autowired
    WebTestClient client;

    @Autowired
    DemoOrganisations organisations;

    @Autowired
    InstitutionService registry;

    @Autowired
    @Qualifier("demoData")
    HealthIndicator demoData;

    @Test
    void loadsTheDemoSupervisionOnceWithTheFiguresOfTheStandard() {
        Awaitility.await("the service's demo data loaded").pollInterval(Duration.ofMillis(200)).atMost(Duration.ofSeconds(120))
                .until(demoData::health, health -> Status.UP.equals(health.getStatus()));
        OrganisationWeb web = new OrganisationWeb(client);

        web.sheet("2022-09", null)
                .jsonPath(of("LOCAL_ORG_SMALL_LOAN_COUNT")).value(figure("0"))
                .jsonPath(of("LOCAL_ORG_FINANCING_GUARANTEE_COUNT")).value(figure("6"))
                .jsonPath(of("LOCAL_ORG_PAWN_COUNT")).value(figure("3"))
                .jsonPath(of("LOCAL_ORG_FINANCIAL_LEASING_COUNT")).value(figure("2"))
                .jsonPath(of("LOCAL_ORG_COMMERCIAL_FACTORING_COUNT")).value(figure("1"))
                .jsonPath(of("PRIVATE_LENDING_INSTITUTION_COUNT")).value(figure("6"))
                .jsonPath(of("ON_SITE_INSPECTION_YTD")).value(figure("6"))
                .jsonPath(of("GUARANTEE_CO_PERSUADED_EXIT_YTD")).value(figure("2"))
                .jsonPath(of("GUARANTEE_CO_SUPERVISORY_LETTER_YTD")).value(figure("2"))
                .jsonPath(of("MICROLOAN_CO_EXIT_NOTICE_YTD")).value(figure("6"))
                .jsonPath(of("MICROLOAN_CO_PILOT_REVOKED_YTD")).value(figure("6"))
                // the year start: all 6 small-loan companies and 8 guarantee companies still active on 2021-12-31
                .jsonPath("$.indicators[?(@.code == 'LOCAL_ORG_SMALL_LOAN_COUNT')].yearStartValue").value(figure("6"))
                .jsonPath("$.indicators[?(@.code == 'LOCAL_ORG_FINANCING_GUARANTEE_COUNT')].yearStartValue").value(figure("8"));
        // August: the pilots are revoked on 2022-09-20, the two exits were on 2022-06-28 and 2022-08-30
        web.sheet("2022-08", null)
                .jsonPath(of("LOCAL_ORG_SMALL_LOAN_COUNT")).value(figure("6"))
                .jsonPath(of("LOCAL_ORG_FINANCING_GUARANTEE_COUNT")).value(figure("6"))
                .jsonPath(of("MICROLOAN_CO_PILOT_REVOKED_YTD")).value(figure("0"));
        // 临川区 (361002): 1W active, 7F persuaded to exit
        web.sheet("2022-09", "361002")
                .jsonPath(of("LOCAL_ORG_FINANCING_GUARANTEE_COUNT")).value(figure("1"))
                .jsonPath(of("GUARANTEE_CO_PERSUADED_EXIT_YTD")).value(figure("1"))
                .jsonPath(of("LOCAL_ORG_SMALL_LOAN_COUNT")).value(figure("0"));
        web.getInstitution("91361002MADB00007F").expectStatus().isOk().expectBody()
                .jsonPath("$.activeTo").isEqualTo("2022-06-28").jsonPath("$.version").isEqualTo(2);
        web.getInstitution("91361027MADB000027").expectStatus().isOk().expectBody()
                .jsonPath("$.govGuaranteeList.batch").isEqualTo(3).jsonPath("$.mainlySmallAndAgricultural").isEqualTo(true);
        web.get("/institutions/{code}/actions", "91361002MAXD000015").expectStatus().isOk().expectBody()
                .jsonPath("$[*].type").isEqualTo(List.of("EXIT_NOTICE", "PILOT_REVOKED"))
                .jsonPath("$[1].warnings.length()").isEqualTo(0);

        DemoData data = DemoRecords.read(DEMO, DemoData.class);
        Long again = Flux.fromIterable(data.institutions()).concatMap(i -> registry.put(i.code(), i.change()))
                .filter(InstitutionService.Put::created).count()
                .flatMap(institutions -> organisations.load(DEMO).map(records -> institutions + records))
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(DEMO_ADMIN, "demo")))
                .block(Duration.ofSeconds(120));
        assertThat(again).isZero();
    }

    @Test
    void listsTheVersionsBehindEveryIndicatorWithTheActionsAndRegistryTheyWereReadWith() {
        Awaitility.await("the service's demo data loaded").pollInterval(Duration.ofMillis(200)).atMost(Duration.ofSeconds(120))
                .until(demoData::health, health -> Status.UP.equals(health.getStatus()));
        RecordLineageChecks lineage = new RecordLineageChecks(client);

        RecordLineageChecks.Seen city = lineage.everyIndicator("2022-09", "361000");
        // organisations are registry versions read with their actions; repayment plans are read with the registry version placing them
        assertThat(city.collections()).contains(RecordRows.REGISTRY, "repayment-plans", "publicity", "leads");
        assertThat(city.joinedCollections()).contains("supervisory-actions", RecordRows.REGISTRY);
        assertThat(lineage.everyIndicator("2022-09", "361002").entries()).isPositive();
    }
}
