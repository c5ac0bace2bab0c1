package io.cityfin.risk.organisation;

import static io.cityfin.risk.organisation.OrganisationWeb.badParameter;
import static io.cityfin.risk.organisation.OrganisationWeb.institution;
import static io.cityfin.risk.organisation.OrganisationWeb.refused;
import static io.cityfin.risk.organisation.OrganisationWeb.uscc;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.test.WithOwnPostgres;

/**
 * risk-service's registry on real PostgreSQL: the guarantee attributes stored and shown on FINANCING_GUARANTEE only,
 * the batch and the listing day checked, an organisation's code a USCC; every refusal stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cityfin.demo-data=false")
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationRegistryIT {

    private static final String LISTED = "\"govGuaranteeList\": {\"batch\": 3, \"listedOn\": \"2022-07-15\"}";

    @Autowired
    WebTestClient client;

    OrganisationWeb web;

    @BeforeAll
    void calls() {
        web = new OrganisationWeb(client);
    }

    @Test
    void storesTheGuaranteeAttributesOfAGuaranteeCompanyAndTheSameContentAgainIsNoVersion() {
        String code = uscc("361027");
        String body = institution("FINANCING_GUARANTEE", "361027", "2016-08-01", LISTED + ", \"mainlySmallAndAgricultural\": true");

        web.putInstitution(code, body).expectStatus().isCreated().expectBody()
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.govGuaranteeList.batch").isEqualTo(3)
                .jsonPath("$.govGuaranteeList.listedOn").isEqualTo("2022-07-15")
                .jsonPath("$.mainlySmallAndAgricultural").isEqualTo(true)
                .jsonPath("$.endedOn").isEmpty();
        web.putInstitution(code, body).expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
        web.getInstitution(code).expectStatus().isOk().expectBody()
                .jsonPath("$.govGuaranteeList.batch").isEqualTo(3)
                .jsonPath("$.mainlySmallAndAgricultural").isEqualTo(true);

        // delisted and no longer mainly small firms: a new version without them
        web.putInstitution(code, institution("FINANCING_GUARANTEE", "361027", "2016-08-01", "")).expectStatus().isCreated().expectBody()
                .jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.govGuaranteeList").isEmpty()
                .jsonPath("$.mainlySmallAndAgricultural").isEqualTo(false);
    }

    @Test
    void refusesTheGuaranteeAttributesOnEveryOtherType() {
        for (String type : new String[] {"SMALL_LOAN", "PAWN", "FINANCIAL_LEASING", "COMMERCIAL_FACTORING", "PRIVATE_LENDING", "BRIDGE_FUND"}) {
            String code = uscc("361002");
            refused(web.putInstitution(code, institution(type, "361002", "2016-08-01", LISTED)), "GUARANTEE_ATTRIBUTE_NOT_ALLOWED",
                    "/govGuaranteeList");
            refused(web.putInstitution(code, institution(type, "361002", "2016-08-01", "\"mainlySmallAndAgricultural\": true")),
                    "GUARANTEE_ATTRIBUTE_NOT_ALLOWED", "/mainlySmallAndAgricultural");
            web.getInstitution(code).expectStatus().isNotFound();
        }
        // false is what every institution without the flag has
        String pawn = uscc("361002");
        web.putInstitution(pawn, institution("PAWN", "361002", "2016-08-01", "\"mainlySmallAndAgricultural\": false, \"govGuaranteeList\": null"))
                .expectStatus().isCreated();
    }

    @Test
    void refusesABatchOutsideOneToNinetyNineAndAListingDayAfterToday() {
        String code = uscc("361027");
        refused(web.putInstitution(code, institution("FINANCING_GUARANTEE", "361027", "2016-08-01",
                "\"govGuaranteeList\": {\"batch\": 0, \"listedOn\": \"2022-07-15\"}")), "INVALID_VALUE", "/govGuaranteeList/batch");
        refused(web.putInstitution(code, institution("FINANCING_GUARANTEE", "361027", "2016-08-01",
                "\"govGuaranteeList\": {\"batch\": 100, \"listedOn\": \"2022-07-15\"}")), "INVALID_VALUE", "/govGuaranteeList/batch");
        refused(web.putInstitution(code, institution("FINANCING_GUARANTEE", "361027", "2016-08-01",
                "\"govGuaranteeList\": {\"batch\": 3, \"listedOn\": \"2099-07-15\"}")), "DATE_IN_FUTURE", "/govGuaranteeList/listedOn");
        web.getInstitution(code).expectStatus().isNotFound();
    }

    @Test
    void refusesAnIncompleteListingOrAWrongTypeAsABadRequest() {
        String code = uscc("361027");
        for (String listing : new String[] {"\"govGuaranteeList\": {}", "\"govGuaranteeList\": {\"batch\": 3}",
                "\"govGuaranteeList\": {\"listedOn\": \"2022-07-15\"}", "\"govGuaranteeList\": {\"batch\": \"three\", \"listedOn\": \"2022-07-15\"}",
                "\"govGuaranteeList\": {\"batch\": 3, \"listedOn\": \"2022-13-01\"}", "\"mainlySmallAndAgricultural\": \"yes\""}) {
            web.putInstitution(code, institution("FINANCING_GUARANTEE", "361027", "2016-08-01", listing)).expectStatus().isBadRequest();
        }
        web.getInstitution(code).expectStatus().isNotFound();
    }

    @Test
    void refusesACodeThatIsNotAUsccNamingThePathParameter() {
        String valid = uscc("361002");
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        for (String code : new String[] {wrongCheck, "91361000REG1", "91361002MAXD00001I"}) {
            badParameter(web.putInstitution(code, institution("PAWN", "361002", "2016-08-01", "")), "INVALID_USCC", "code");
        }
    }
}
