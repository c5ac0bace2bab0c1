package io.cityfin.risk.plan;

import static io.cityfin.risk.lead.CasesWeb.figure;
import static io.cityfin.risk.lead.CasesWeb.nothing;
import static io.cityfin.risk.lead.CasesWeb.of;
import static io.cityfin.risk.plan.RepaymentPlanIT.instalment;
import static io.cityfin.risk.plan.RepaymentPlanIT.plan;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.WithOwnPostgres;
import io.cityfin.common.uscc.Uscc;
import io.cityfin.risk.lead.CasesWeb;

/**
 * Disclosure control of PRIVATE_LENDING_REPAID_CUM and _PCT on real PostgreSQL, on a database of its own (every plan
 * counts at every day, so the counties' contributors must be this class's alone; {@code perClass = true} keeps
 * Spring's context cache from sharing the other risk ITs' context with it): a county whose plans are one
 * institution's is withheld from the public and shown to staff, and the county with the fewest institutions beside it
 * is withheld too, so that city minus the visible counties is no one institution's figure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cityfin.demo-data=false")
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres(perClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepaymentPlanDisclosureIT {

    private static final AtomicInteger CODES = new AtomicInteger();

    @Autowired
    WebTestClient client;

    CasesWeb web;

    @BeforeAll
    void plans() {
        web = new CasesWeb(client);
        // 黎川县 one institution: 100 repaid of 1,000; 南丰县 three: 10, 20, 30 of 1,000 each; 乐安县 four: 1, 2, 3, 4 of 100 each
        put("361022", "1000", "100");
        put("361023", "1000", "10");
        put("361023", "1000", "20");
        put("361023", "1000", "30");
        put("361025", "100", "1");
        put("361025", "100", "2");
        put("361025", "100", "3");
        put("361025", "100", "4");
    }

    @Test
    void withholdsFromThePublicACountyWithOneInstitutionAndTheFewestCountyBesideIt() {
        web.sheet(Role.PORTAL, null, "2021-12", "361022")
                .jsonPath(of("PRIVATE_LENDING_REPAID_CUM", "suppressed")).isEqualTo(true)
                .jsonPath(of("PRIVATE_LENDING_REPAID_CUM")).value(nothing())
                .jsonPath(of("PRIVATE_LENDING_REPAID_PCT", "suppressed")).isEqualTo(true)
                .jsonPath(of("PRIVATE_LENDING_REPAID_PCT")).value(nothing());
        // staff see it: 100 of 1,000 = 10.00 %
        web.sheet("2021-12", "361022")
                .jsonPath(of("PRIVATE_LENDING_REPAID_CUM", "suppressed")).isEqualTo(false)
                .jsonPath(of("PRIVATE_LENDING_REPAID_CUM")).value(figure("100"))
                .jsonPath(of("PRIVATE_LENDING_REPAID_PCT")).value(figure("10.00"));
        // the complement: 南丰县 (3 institutions, the fewest beside); 乐安县 shown: 10 of 400 = 2.50 %
        web.sheet(Role.PORTAL, null, "2021-12", "361023")
                .jsonPath(of("PRIVATE_LENDING_REPAID_CUM", "suppressed")).isEqualTo(true)
                .jsonPath(of("PRIVATE_LENDING_REPAID_CUM")).value(nothing())
                .jsonPath(of("PRIVATE_LENDING_REPAID_PCT")).value(nothing());
        web.sheet(Role.PORTAL, null, "2021-12", "361025")
                .jsonPath(of("PRIVATE_LENDING_REPAID_CUM", "suppressed")).isEqualTo(false)
                .jsonPath(of("PRIVATE_LENDING_REPAID_CUM")).value(figure("10"))
                .jsonPath(of("PRIVATE_LENDING_REPAID_PCT")).value(figure("2.50"));
        // city 100 + 60 + 10 = 170; minus the one visible county, 160: four institutions' sum
        web.sheet(Role.PORTAL, null, "2021-12", null)
                .jsonPath(of("PRIVATE_LENDING_REPAID_CUM")).value(figure("170"));
    }

    /** Registers a new private-lending institution of {@code region} and puts its plan: one instalment paid in March 2021. */
    private void put(String region, String principal, String paid) {
        String first17 = "91" + region + "MA" + String.format("%07d", CODES.incrementAndGet());
        String code = first17 + Uscc.checkCharacter(first17);
        web.institution(code, "PRIVATE_LENDING", region);
        web.put("/repayment-plans/" + code, plan(principal, instalment("1", "\"2021-03-28\"", "\"2021-03-28\"", paid))).expectStatus().isCreated();
    }
}
