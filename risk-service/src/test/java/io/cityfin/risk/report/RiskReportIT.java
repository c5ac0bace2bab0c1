package io.cityfin.risk.report;


import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import io.cityfin.common.identity.Role;
import io.cityfin.reporting.test.ReportingServiceChecks;
import io.cityfin.risk.TestCodes;

/**
 * Guarantee, bridge-fund and private-lending reports on real PostgreSQL: the checks every reporting service passes (on a
 * guarantee company), the catalogue its type picks, each catalogue's own refusals, and the warnings of
 * data-standard-2.md that need no registry attribute (those that do: {@link RiskWarningRulesTest}).
 */
class RiskReportIT extends ReportingServiceChecks {

    @Override
    protected Sample sample() {
        return new Sample("GUARANTEE_OUTSTANDING_BALANCE", null, "GUARANTEE_NET_ASSETS", "GUARANTEE_ENTERPRISES_SERVED_CUM",
                "GUARANTEE_NEW_AMOUNT_YTD", "GUARANTEE_FEE_WAIVER_CUM", "GUARANTEE_FEE_INCOME_YTD", "GUARANTEE_NET_ASSETS", null,
                "上述新增业务担保费收入（按年化计）", 12, "FINANCING_GUARANTEE");
    }

    @Test
    void refusesAnItemOfAnotherTypesCatalogueAndStoresNothing() {
        String guarantor = registered("FINANCING_GUARANTEE");

        put(guarantor, "2022-09", lines(line("GUARANTEE_NET_ASSETS", "361002", "100"), line("PRIVATE_LENDING_OUTSTANDING", "361002", "5")))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].code").isEqualTo("ITEM_NOT_IN_INSTITUTION_CATALOGUE")
                .jsonPath("$.errors[0].pointer").isEqualTo("/lines/1/item");

        as(Role.ADMIN, null).get().uri("/reports/{code}/2022-09", guarantor).exchange().expectStatus().isNotFound();
    }

    @Test
    void refusesAReportFromATypeThatReportsNothing() {
        String smallLoan = registered("SMALL_LOAN");

        put(smallLoan, "2022-09", lines(line("GUARANTEE_NET_ASSETS", "361002", "100")))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("institutionCode")
                .jsonPath("$.errors[0].code").isEqualTo("NO_CATALOGUE_FOR_TYPE");

        as(Role.ADMIN, null).get().uri("/reports/{code}/2022-09", smallLoan).exchange().expectStatus().isNotFound();
    }

    @Test
    void refusesGuaranteeFeeIncomeWithoutNewGuarantees() {
        String guarantor = registered("FINANCING_GUARANTEE");

        put(guarantor, "2022-09", lines(line("GUARANTEE_NEW_AMOUNT_YTD", "361002", "0"), line("GUARANTEE_FEE_INCOME_YTD", "361002", "4400")))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("GUARANTEE_FEE_WITHOUT_NEW_AMOUNT")
                .jsonPath("$.errors[0].pointer").isEqualTo("/lines/1/value");
        put(guarantor, "2022-09", lines(line("GUARANTEE_FEE_INCOME_YTD", "361002", "4400")))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("GUARANTEE_FEE_WITHOUT_NEW_AMOUNT")
                .jsonPath("$.errors[0].pointer").isEqualTo("/lines/0/value");
        // no fee without new business is fine: 0 fee income needs nothing
        put(guarantor, "2022-09", lines(line("GUARANTEE_FEE_INCOME_YTD", "361002", "0"))).expectStatus().isCreated();
    }

    @Test
    void refusesBridgingFeesSavedAboveTheAmountBridged() {
        String fund = registered("BRIDGE_FUND");

        put(fund, "2022-09", lines(line("BRIDGE_FUND_SIZE", "361002", "300"), line("BRIDGE_FUND_ENTERPRISES_CUM", "361002", "10"),
                line("BRIDGE_FUND_AMOUNT_CUM", "361002", "1000"), line("BRIDGE_FUND_FEE_SAVING_CUM", "361002", "1000.01")))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].code").isEqualTo("BRIDGE_FEE_SAVING_EXCEEDS_AMOUNT")
                .jsonPath("$.errors[0].pointer").isEqualTo("/lines/3/value");
        put(fund, "2022-09", lines(line("BRIDGE_FUND_ENTERPRISES_CUM", "361002", "10"),
                line("BRIDGE_FUND_AMOUNT_CUM", "361002", "1000"), line("BRIDGE_FUND_FEE_SAVING_CUM", "361002", "1000")))
                .expectStatus().isCreated();
    }

    @Test
    void refusesAnAmountBridgedWithoutEnterprises() {
        String fund = registered("BRIDGE_FUND");

        put(fund, "2022-09", lines(line("BRIDGE_FUND_ENTERPRISES_CUM", "361002", "0"), line("BRIDGE_FUND_AMOUNT_CUM", "361002", "1000")))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("BRIDGE_AMOUNT_WITHOUT_ENTERPRISES")
                .jsonPath("$.errors[0].pointer").isEqualTo("/lines/1/value");
        put(fund, "2022-09", lines(line("BRIDGE_FUND_AMOUNT_CUM", "361002", "1000")))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("BRIDGE_AMOUNT_WITHOUT_ENTERPRISES")
                .jsonPath("$.errors[0].pointer").isEqualTo("/lines/0/value");

        as(Role.ADMIN, null).get().uri("/reports/{code}/2022-09", fund).exchange().expectStatus().isNotFound();
    }

    @Test
    void warnsWhenOutstandingGuaranteesExceedTenTimesTheNetAssets() {
        String guarantor = registered("FINANCING_GUARANTEE");

        // 10,000.00 on 1,000.00 is exactly the cap: no warning
        receipt(put(guarantor, "2022-08", lines(line("GUARANTEE_NET_ASSETS", "361002", "1000"),
                line("GUARANTEE_OUTSTANDING_BALANCE", "361002", "10000"))), 201)
                .jsonPath("$.status").isEqualTo("ACCEPTED");
        // 10,000.01 is above it
        receipt(put(guarantor, "2022-09", lines(line("GUARANTEE_NET_ASSETS", "361002", "1000"),
                line("GUARANTEE_OUTSTANDING_BALANCE", "361002", "10000.01"))), 201)
                .jsonPath("$.status").isEqualTo("ACCEPTED_WITH_WARNINGS")
                .jsonPath("$.warnings.length()").isEqualTo(1)
                .jsonPath("$.warnings[0].code").isEqualTo("GUARANTEE_LEVERAGE_ABOVE_CAP")
                .jsonPath("$.warnings[0].pointer").isEqualTo("/lines/1");

        as(Role.ANALYST, null).get().uri("/reports/{code}/2022-09", guarantor).exchange()
                .expectBody().jsonPath("$.warnings[0].code").isEqualTo("GUARANTEE_LEVERAGE_ABOVE_CAP");
    }

    @Test
    void warnsOfNewPrivateLendingBusiness() {
        String lender = registered("PRIVATE_LENDING");

        receipt(put(lender, "2022-09", lines(line("PRIVATE_LENDING_OUTSTANDING", "361002", "1000"),
                line("PRIVATE_LENDING_NEW_BUSINESS_YTD", "361002", "0.01"))), 201)
                .jsonPath("$.status").isEqualTo("ACCEPTED_WITH_WARNINGS")
                .jsonPath("$.warnings.length()").isEqualTo(1)
                .jsonPath("$.warnings[0].code").isEqualTo("PRIVATE_LENDING_NEW_BUSINESS")
                .jsonPath("$.warnings[0].pointer").isEqualTo("/lines/1");
        receipt(put(registered("PRIVATE_LENDING"), "2022-09", lines(line("PRIVATE_LENDING_OUTSTANDING", "361002", "1000"),
                line("PRIVATE_LENDING_NEW_BUSINESS_YTD", "361002", "0"))), 201)
                .jsonPath("$.status").isEqualTo("ACCEPTED");
    }

    @Test
    void warnsWhenACumulativeItemFallsBelowThePreviousMonthEvenAcrossTheYearEnd() {
        String fund = registered("BRIDGE_FUND");
        put(fund, "2021-12", lines(line("BRIDGE_FUND_ENTERPRISES_CUM", "361002", "100"), line("BRIDGE_FUND_AMOUNT_CUM", "361002", "1000")))
                .expectStatus().isCreated();

        receipt(put(fund, "2022-01", lines(line("BRIDGE_FUND_ENTERPRISES_CUM", "361002", "100"),
                line("BRIDGE_FUND_AMOUNT_CUM", "361002", "999.99"))), 201)
                .jsonPath("$.status").isEqualTo("ACCEPTED_WITH_WARNINGS")
                .jsonPath("$.warnings.length()").isEqualTo(1)
                .jsonPath("$.warnings[0].code").isEqualTo("CUMULATIVE_DECREASED")
                .jsonPath("$.warnings[0].pointer").isEqualTo("/lines/1");
        receipt(put(fund, "2022-02", lines(line("BRIDGE_FUND_ENTERPRISES_CUM", "361002", "101"),
                line("BRIDGE_FUND_AMOUNT_CUM", "361002", "1100"))), 201)
                .jsonPath("$.status").isEqualTo("ACCEPTED");
    }

    @Test
    void listsTheThreeCataloguesWithTheirTypesAndItems() {
        as(Role.PORTAL, null).get().uri("/catalogue").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.sections.length()").isEqualTo(3)
                .jsonPath("$.sections[?(@.name == 'FINANCING_GUARANTEE')].items[0]").isEqualTo("GUARANTEE_OUTSTANDING_BALANCE")
                .jsonPath("$.sections[?(@.name == 'BRIDGE_FUND')].institutionTypes[0]").isEqualTo("BRIDGE_FUND")
                .jsonPath("$.sections[?(@.name == 'PRIVATE_LENDING')].items[1]").isEqualTo("PRIVATE_LENDING_NEW_BUSINESS_YTD")
                .jsonPath("$.items[?(@.code == 'BRIDGE_FUND_AMOUNT_CUM')].cumulative").isEqualTo(true)
                .jsonPath("$.items[?(@.code == 'BRIDGE_FUND_SIZE')].cumulative").isEqualTo(false);
    }

    /** Only FINANCING_GUARANTEE carries them here. */
    @Override
    protected String typeWithoutGuaranteeAttributes() {
        return "PRIVATE_LENDING";
    }

    /** Risk's registry takes only USCCs. */
    @Override
    protected String institutionCode(String tag, int n) {
        return TestCodes.uscc("361002", n);
    }

    private String registered(String type) {
        String code = newCode("RISK");
        as(Role.ADMIN, null).put().uri("/institutions/{code}", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"测试机构\", \"type\": \"" + type + "\", \"region\": \"361002\", \"activeFrom\": \"2015-01-01\"}")
                .exchange().expectStatus().isCreated();
        return code;
    }
}
