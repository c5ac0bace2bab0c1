package io.cityfin.capitalmarket.enterprise;

import static io.cityfin.capitalmarket.enterprise.EnterpriseWeb.count;
import static io.cityfin.capitalmarket.enterprise.EnterpriseWeb.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

/**
 * The demo enterprises and pipelines through the use cases and GET /indicators, against data-standard-2.md's "Demo
 * data": at 2022-09 LISTED 3, NEEQ 6, REGIONAL_EQUITY 574, SHAREHOLDING_REFORM_NEW_YTD 4, SIGNED 20, KEY_IPO_CANDIDATE
 * 20, OVERDUE_MILESTONES 0; at 2023-03 OVERDUE_MILESTONES 1 (施美药业's filing planned for 2022-12-31). A second load
 * adds no version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
@WithOwnPostgres
class DemoEnterprisesIT {

    private static final Caller DEMO_ADMIN = new Caller("demo-data", Set.of(Role.ADMIN), null);

    @Autowired
    DemoEnterprises demoEnterprises;

    @Autowired
    WebTestClient client;

    @Autowired
    @Qualifier("demoData")
    HealthIndicator demoData;

    @Test
    void loadsTheDemoEnterprisesOnceWithTheFiguresOfTheStandard() {
        Awaitility.await("the service's demo data loaded").pollInterval(Duration.ofMillis(200)).atMost(Duration.ofSeconds(120))
                .until(demoData::health, health -> Status.UP.equals(health.getStatus()));
        // Loaded by the machinery's demo loader when the service has a demo file; loading again is then a no-op.
        load();
        EnterpriseWeb web = new EnterpriseWeb(client);

        web.sheet("2022-09", null)
                .jsonPath(of("LISTED_COMPANY_COUNT")).value(count(3))
                .jsonPath(of("NEEQ_LISTED_COUNT")).value(count(6))
                .jsonPath(of("REGIONAL_EQUITY_LISTED_COUNT")).value(count(574))
                .jsonPath(of("NEW_LISTINGS_YTD")).value(count(0))
                .jsonPath(of("SHAREHOLDING_REFORM_NEW_YTD")).value(count(4))
                .jsonPath(of("SHAREHOLDING_REFORM_SIGNED_COUNT")).value(count(20))
                .jsonPath(of("KEY_IPO_CANDIDATE_COUNT")).value(count(20))
                .jsonPath(of("IPO_PIPELINE_COUNT")).value(count(20))
                .jsonPath(of("OVERDUE_MILESTONES")).value(count(0));
        web.sheet("2023-03", null)
                .jsonPath(of("OVERDUE_MILESTONES")).value(count(1))
                .jsonPath(of("KEY_IPO_CANDIDATE_COUNT")).value(count(6));
        web.get("/enterprises?board=CHINEXT").expectStatus().isOk().expectHeader().valueEquals("X-Total-Count", "3").expectBody()
                .jsonPath("$[*].board").value(boards -> assertThat((java.util.List<Object>) boards).containsOnly("CHINEXT"));

        assertThat(load()).isZero();
    }

    private Long load() {
        return demoEnterprises.load(new ClassPathResource(DemoEnterprises.FILE))
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(DEMO_ADMIN, "demo")))
                .block(Duration.ofSeconds(120));
    }
}
