package io.cityfin.capitalmarket.fund;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** Funds and investments for tests. */
public final class FundFixtures {

    public static final String INVESTEE_USCC = "91361000MA35GF2F4Y";

    private FundFixtures() {
    }

    /** Established 2021-04-01, filed 2021-06-10, not liquidated. */
    public static Fund aFiledFund() {
        return new Fund("抚州测试股权投资基金（有限合伙）", "361002", "2021-04-01", null, new Fund.Manager("抚州测试私募基金管理有限公司", "P1071234"),
                "SQX123", "2021-06-10");
    }

    public static Fund filed(Fund fund, @Nullable String amacCode, @Nullable String amacFiledOn) {
        return new Fund(fund.name(), fund.region(), fund.establishedOn(), fund.liquidatedOn(), fund.manager(), amacCode, amacFiledOn);
    }

    public static Fund liquidatedOn(Fund fund, @Nullable String day) {
        return new Fund(fund.name(), fund.region(), fund.establishedOn(), day, fund.manager(), fund.amacCode(), fund.amacFiledOn());
    }

    public static Fund managedBy(Fund fund, Fund.@Nullable Manager manager) {
        return new Fund(fund.name(), fund.region(), fund.establishedOn(), fund.liquidatedOn(), manager, fund.amacCode(), fund.amacFiledOn());
    }

    public static FundInvestment anInvestment(String region, String amount, String investedOn) {
        return new FundInvestment(new FundInvestment.Investee(INVESTEE_USCC, "抚州测试科技有限公司"), region, new BigDecimal(amount), investedOn);
    }
}
