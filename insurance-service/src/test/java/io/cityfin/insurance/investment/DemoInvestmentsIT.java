package io.cityfin.insurance.investment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.CallerAuthentication;
import io.cityfin.common.identity.Role;
import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.test.WithOwnPostgres;
import io.cityfin.reporting.demo.DemoRecords;

/** The demo investments go in through the use case after the registry, and a second load adds nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres
class DemoInvestmentsIT {

    @Autowired
    WebTestClient web;

    @Autowired
    @Qualifier("demoData")
    HealthIndicator demoData;

    @Autowired
    @Qualifier("demoInvestments")
    DemoRecords demoInvestments;

    @Test
    void loadsTheDemoInvestmentsOnceWithTheirIndicator() {
        Awaitility.await("the demo data loaded").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> Status.UP.equals(demoData.health().getStatus()));

        List<?> investments = web.get().uri("/investments?year=2022")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(Role.ANALYST, null))
                .exchange().expectStatus().isOk().expectBodyList(Object.class).returnResult().getResponseBody();
        assertThat(investments).isNotEmpty();

        Caller admin = new Caller("demo-data", Set.of(Role.ADMIN), null);
        Long again = demoInvestments.load(new ClassPathResource("demo/insurance-demo.json"))
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(admin, "demo")))
                .block(Duration.ofSeconds(30));
        assertThat(again).isZero();
        web.get().uri("/investments?year=2022")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(Role.ANALYST, null))
                .exchange().expectBody().jsonPath("$.length()").isEqualTo(investments.size());
        web.get().uri("/indicators?period=2022-12")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(Role.ANALYST, null))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.indicators[?(@.code == 'INSURANCE_FUNDS_INVESTED_YTD')].value")
                .value(v -> assertThat(new BigDecimal(String.valueOf(((List<?>) v).get(0)))).isPositive());
    }
}
