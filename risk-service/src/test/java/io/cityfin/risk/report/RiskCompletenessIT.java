package io.cityfin.risk.report;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.test.WithOwnPostgres;
import io.cityfin.risk.TestCodes;

/**
 * Completeness by type on a database of its own: a guarantee indicator expects only the guarantee companies active on
 * the period's last day, a private-lending one only the private-lending institutions, and neither /submissions nor any
 * indicator ever expects a small-loan company (its type has no catalogue).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cityfin.demo-data=false")
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres
class RiskCompletenessIT {

    private static final String GUARANTOR_1 = TestCodes.uscc("361002", 1);
    private static final String GUARANTOR_2 = TestCodes.uscc("361002", 2);
    private static final String GUARANTOR_ENDED = TestCodes.uscc("361002", 3);
    private static final String LENDER = TestCodes.uscc("361002", 4);
    private static final String FUND = TestCodes.uscc("361002", 5);
    private static final String SMALL_LOAN = TestCodes.uscc("361002", 6);
    private static final String PAWN = TestCodes.uscc("361002", 7);

    @Autowired
    WebTestClient web;

    @Test
    void expectsOnlyTheActiveInstitutionsOfTheTypesWhoseCatalogueHoldsTheInputs() {
        register(GUARANTOR_1, "FINANCING_GUARANTEE", "2015-01-01", null);
        register(GUARANTOR_2, "FINANCING_GUARANTEE", "2015-01-01", null);
        register(GUARANTOR_ENDED, "FINANCING_GUARANTEE", "2015-01-01", "2022-09-29");
        register(LENDER, "PRIVATE_LENDING", "2015-01-01", null);
        register(FUND, "BRIDGE_FUND", "2015-01-01", null);
        register(SMALL_LOAN, "SMALL_LOAN", "2015-01-01", null);
        register(PAWN, "PAWN", "2015-01-01", null);
        report(GUARANTOR_1, "{\"item\": \"GUARANTEE_OUTSTANDING_BALANCE\", \"region\": \"361002\", \"value\": 500}, "
                + "{\"item\": \"GUARANTEE_NET_ASSETS\", \"region\": \"361002\", \"value\": 100}");
        report(LENDER, "{\"item\": \"PRIVATE_LENDING_OUTSTANDING\", \"region\": \"361002\", \"value\": 70}");

        as(Role.ANALYST).get().uri("/indicators?period=2022-09").exchange()
                .expectStatus().isOk()
                .expectBody()
                // the two guarantee companies active on 2022-09-30, one of which reported
                .jsonPath("$.indicators[?(@.code == 'GUARANTEE_NET_ASSETS')].expectedInstitutions").isEqualTo(2)
                .jsonPath("$.indicators[?(@.code == 'GUARANTEE_NET_ASSETS')].reportingInstitutions").isEqualTo(1)
                .jsonPath("$.indicators[?(@.code == 'GUARANTEE_NET_ASSETS')].complete").isEqualTo(false)
                .jsonPath("$.indicators[?(@.code == 'GUARANTEE_LEVERAGE_MULTIPLE')].expectedInstitutions").isEqualTo(2)
                .jsonPath("$.indicators[?(@.code == 'GUARANTEE_LEVERAGE_MULTIPLE')].value").isEqualTo(5.00)
                // the one private-lending institution, which reported
                .jsonPath("$.indicators[?(@.code == 'PRIVATE_LENDING_OUTSTANDING')].expectedInstitutions").isEqualTo(1)
                .jsonPath("$.indicators[?(@.code == 'PRIVATE_LENDING_OUTSTANDING')].complete").isEqualTo(true)
                .jsonPath("$.indicators[?(@.code == 'BRIDGE_FUND_SIZE')].expectedInstitutions").isEqualTo(1)
                .jsonPath("$.indicators[?(@.code == 'BRIDGE_FUND_SIZE')].reportingInstitutions").isEqualTo(0);

        as(Role.ANALYST).get().uri("/submissions?period=2022-09").exchange()
                .expectStatus().isOk()
                .expectBody()
                // 2 guarantee companies, the private-lending institution and the bridge fund; no small-loan company, no pawn shop
                .jsonPath("$.expected").isEqualTo(4)
                .jsonPath("$.submitted").isEqualTo(2)
                .jsonPath("$.institutions[?(@.institutionCode == '" + SMALL_LOAN + "')]").isEmpty()
                .jsonPath("$.institutions[?(@.institutionCode == '" + GUARANTOR_ENDED + "')]").isEmpty()
                .jsonPath("$.institutions[?(@.institutionCode == '" + FUND + "')].status").isEqualTo("MISSING");
    }

    private void register(String code, String type, String activeFrom, String activeTo) {
        as(Role.ADMIN).put().uri("/institutions/{code}", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"测试机构\", \"type\": \"" + type + "\", \"region\": \"361002\", \"activeFrom\": \"" + activeFrom + "\""
                        + (activeTo == null ? "" : ", \"activeTo\": \"" + activeTo + "\"") + "}")
                .exchange().expectStatus().isCreated();
    }

    private void report(String code, String lines) {
        as(Role.ADMIN).put().uri("/reports/{code}/2022-09", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"lines\": [" + lines + "]}").exchange().expectStatus().isCreated();
    }

    private WebTestClient as(Role role) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(role)).build();
    }
}
