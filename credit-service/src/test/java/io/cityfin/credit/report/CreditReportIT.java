package io.cityfin.credit.report;

import org.junit.jupiter.api.Test;

import io.cityfin.reporting.test.ReportingServiceChecks;

/** Banks' reports on real PostgreSQL: the checks every reporting service passes, and credit's rate rules. */
class CreditReportIT extends ReportingServiceChecks {

    @Override
    protected Sample sample() {
        return new Sample("DEPOSIT_BALANCE", "LOAN_BALANCE", "NPL_BALANCE", "INCLUSIVE_SME_BORROWERS", "RELIEF_CREDIT_LOAN_YTD",
                "GREEN_LOAN_BALANCE", "NPL_BALANCE", "LOAN_BALANCE", "PART_EXCEEDS_TOTAL", "不良贷款余额", 17, "STATE_OWNED_BANK");
    }

    @Test
    void refusesARateOutsideZeroToAHundred() {
        put(registeredBank(), "2022-09", lines(line("INCLUSIVE_SME_NEW_LOAN_AMOUNT_YTD", "361002", "100"),
                line("INCLUSIVE_SME_NEW_LOAN_RATE", "361002", "100.5")))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("RATE_OUT_OF_RANGE")
                .jsonPath("$.errors[0].pointer").isEqualTo("/lines/1/value");
    }

    @Test
    void refusesARateWithoutItsAmountInTheSameRegion() {
        put(registeredBank(), "2022-09", lines(line("INCLUSIVE_SME_NEW_LOAN_AMOUNT_YTD", "361002", "100"),
                line("INCLUSIVE_SME_NEW_LOAN_RATE", "361003", "5.3")))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("RATE_WITHOUT_AMOUNT")
                .jsonPath("$.errors[0].pointer").isEqualTo("/lines/1/item");
    }

    @Test
    void checksEcoProductLoansAgainstTheLoanBalanceLikeEveryOtherPart() {
        put(registeredBank(), "2022-09", lines(line("LOAN_BALANCE", "361002", "100"), line("ECO_PRODUCT_LOAN_BALANCE", "361002", "100.01"),
                line("INDUSTRIAL_LOAN_BALANCE", "361002", "100")))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].pointer").isEqualTo("/lines/1/value");
    }
}
