package io.cityfin.reporting.indicator;

import static io.cityfin.reporting.indicator.CreditFixtures.amount;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.Period;
import io.cityfin.reporting.catalogue.Kind;
import io.cityfin.reporting.catalogue.Unit;

/** The derived credit indicators of data-standard.md, defined with the formula factories, on the 2022-09 figures. */
class DerivedCreditIndicatorsTest {

    private static final Period SEPTEMBER_2022 = Period.month(2022, 9);

    static final IndicatorDefinition DEPOSIT_LOAN_TOTAL = new IndicatorDefinition("DEPOSIT_LOAN_TOTAL", "本外币存贷款余额",
            "Deposit and loan balance", Unit.CNY, Kind.STOCK, Formula.sum("DEPOSIT_BALANCE", "LOAN_BALANCE"),
            Set.of("DEPOSIT_BALANCE", "LOAN_BALANCE"));
    static final IndicatorDefinition DEPOSIT_INCREASE_YTD = new IndicatorDefinition("DEPOSIT_INCREASE_YTD", "存款较年初增加",
            "Deposit increase since year start", Unit.CNY, Kind.FLOW, Formula.increaseSinceYearStart("DEPOSIT_BALANCE"),
            Set.of("DEPOSIT_BALANCE"));
    static final IndicatorDefinition LOAN_INCREASE_YTD = new IndicatorDefinition("LOAN_INCREASE_YTD", "新增贷款（较年初）",
            "Loan increase since year start", Unit.CNY, Kind.FLOW, Formula.increaseSinceYearStart("LOAN_BALANCE"),
            Set.of("LOAN_BALANCE"));
    static final IndicatorDefinition NPL_RATIO = new IndicatorDefinition("NPL_RATIO", "不良贷款率", "Non-performing loan ratio",
            Unit.PERCENT, Kind.RATIO, Formula.percentOf("NPL_BALANCE", "LOAN_BALANCE"),
            Set.of("NPL_BALANCE", "LOAN_BALANCE"));
    static final IndicatorDefinition INCLUSIVE_SME_NEW_LOAN_AVG_RATE = new IndicatorDefinition(
            "INCLUSIVE_SME_NEW_LOAN_AVG_RATE", "新发放普惠小微贷款平均利率", "Average rate of new inclusive SME loans",
            Unit.PERCENT, Kind.RATIO,
            Formula.weightedAverage("INCLUSIVE_SME_NEW_LOAN_RATE", "INCLUSIVE_SME_NEW_LOAN_AMOUNT_YTD"),
            Set.of("INCLUSIVE_SME_NEW_LOAN_RATE", "INCLUSIVE_SME_NEW_LOAN_AMOUNT_YTD"));
    static final IndicatorDefinition INCLUSIVE_SME_GROWTH_GAP_PP = new IndicatorDefinition("INCLUSIVE_SME_GROWTH_GAP_PP",
            "普惠小微贷款增速高于各项贷款增速", "Inclusive SME loan growth above loan growth", Unit.PERCENT, Kind.RATIO,
            Formula.growthGapPp("INCLUSIVE_SME_LOAN_BALANCE", "LOAN_BALANCE"),
            Set.of("INCLUSIVE_SME_LOAN_BALANCE", "LOAN_BALANCE"));
    static final IndicatorDefinition GREEN_LOAN_SHARE_PCT = new IndicatorDefinition("GREEN_LOAN_SHARE_PCT", "绿色贷款占比",
            "Green loan share", Unit.PERCENT, Kind.RATIO, Formula.percentOf("GREEN_LOAN_BALANCE", "LOAN_BALANCE"),
            Set.of("GREEN_LOAN_BALANCE", "LOAN_BALANCE"));

    @Test
    void depositLoanTotalAddsTheTwoBalancesAndGrowsLikeAStock() {
        IndicatorDto total = compute(DEPOSIT_LOAN_TOTAL);

        // 316,587,000,000 + 292,607,000,000
        assertThat(total.getValue()).isEqualTo(amount("609,194,000,000.00"));
        // 280,243,000,000 + 258,765,000,000
        assertThat(total.getYearStartValue()).isEqualTo(amount("539,008,000,000.00"));
        // 609,194,000,000 − 539,008,000,000
        assertThat(total.getChangeSinceYearStart()).isEqualTo(amount("70,186,000,000.00"));
        // 70,186 / 539,008 × 100 = 13.0213…
        assertThat(total.getGrowthSinceYearStartPct()).isEqualTo(amount("13.02"));
        // 2021-09: 275,000,000,000 + 250,000,000,000
        assertThat(total.getPreviousYearValue()).isEqualTo(amount("525,000,000,000.00"));
        // 609,194,000,000 − 525,000,000,000
        assertThat(total.getYoyChange()).isEqualTo(amount("84,194,000,000.00"));
        // 84,194 / 525,000 × 100 = 16.0369…
        assertThat(total.getYoyPct()).isEqualTo(amount("16.04"));
    }

    @Test
    void depositIncreaseIsAFlowFromThePreviousDecember() {
        IndicatorDto increase = compute(DEPOSIT_INCREASE_YTD);

        // 316,587,000,000 − 280,243,000,000
        assertThat(increase.getValue()).isEqualTo(amount("36,344,000,000.00"));
        assertThat(increase.getYearStartValue()).isNull();
        assertThat(increase.getChangeSinceYearStart()).isNull();
        assertThat(increase.getGrowthSinceYearStartPct()).isNull();
        // 2021-09 − 2020-12: 275,000,000,000 − 250,000,000,000
        assertThat(increase.getPreviousYearValue()).isEqualTo(amount("25,000,000,000.00"));
        // 36,344,000,000 − 25,000,000,000
        assertThat(increase.getYoyChange()).isEqualTo(amount("11,344,000,000.00"));
        // 11,344 / 25,000 × 100 = 45.376
        assertThat(increase.getYoyPct()).isEqualTo(amount("45.38"));
    }

    @Test
    void loanIncreaseIsAFlowFromThePreviousDecember() {
        IndicatorDto increase = compute(LOAN_INCREASE_YTD);

        // 292,607,000,000 − 258,765,000,000
        assertThat(increase.getValue()).isEqualTo(amount("33,842,000,000.00"));
        assertThat(increase.getYearStartValue()).isNull();
        // 2021-09 − 2020-12: 250,000,000,000 − 230,000,000,000
        assertThat(increase.getPreviousYearValue()).isEqualTo(amount("20,000,000,000.00"));
        // 33,842,000,000 − 20,000,000,000
        assertThat(increase.getYoyChange()).isEqualTo(amount("13,842,000,000.00"));
        // 13,842 / 20,000 × 100 = 69.21
        assertThat(increase.getYoyPct()).isEqualTo(amount("69.21"));
    }

    @Test
    void nplRatioChangesInPercentagePointsWithoutGrowthPercentages() {
        IndicatorDto ratio = compute(NPL_RATIO);

        // 3,845,000,000 / 292,607,000,000 × 100 = 1.31405…
        assertThat(ratio.getValue()).isEqualTo(amount("1.31"));
        // 3,493,327,500 / 258,765,000,000 × 100 = 1.35 exactly (258,765 × 0.0135 = 3,493.3275)
        assertThat(ratio.getYearStartValue()).isEqualTo(amount("1.35"));
        // 1.31405… − 1.35 = −0.03595… pp
        assertThat(ratio.getChangeSinceYearStart()).isEqualTo(amount("-0.04"));
        assertThat(ratio.getGrowthSinceYearStartPct()).isNull();
        // 3,600,000,000 / 250,000,000,000 × 100 = 1.44
        assertThat(ratio.getPreviousYearValue()).isEqualTo(amount("1.44"));
        // 1.31405… − 1.44 = −0.12595… pp
        assertThat(ratio.getYoyChange()).isEqualTo(amount("-0.13"));
        assertThat(ratio.getYoyPct()).isNull();
        assertThat(ratio.getUnit()).isEqualTo(IndicatorDto.UnitEnum.PERCENT);
        assertThat(ratio.getKind()).isEqualTo(IndicatorDto.KindEnum.RATIO);
    }

    @Test
    void averageRateWeighsEachRateByItsAmountAndLeavesAmountsWithoutARateOut() {
        IndicatorDto rate = compute(INCLUSIVE_SME_NEW_LOAN_AVG_RATE);

        // (5.00 × 1,000,000,000 + 4.57 × 3,000,000,000) / 4,000,000,000 = 18,710,000,000 / 4,000,000,000 = 4.6775;
        // the 500,000,000 without a rate would make it 18,710 / 4,500 = 4.16
        assertThat(rate.getValue()).isEqualTo(amount("4.68"));
        // 2021-12: (5.30 × 2,000,000,000 + 5.10 × 2,000,000,000) / 4,000,000,000 = 20,800 / 4,000 = 5.20
        assertThat(rate.getYearStartValue()).isEqualTo(amount("5.20"));
        // 4.6775 − 5.20 = −0.5225 pp
        assertThat(rate.getChangeSinceYearStart()).isEqualTo(amount("-0.52"));
        assertThat(rate.getGrowthSinceYearStartPct()).isNull();
        // 2021-09: 5.40 × 1,000,000,000 / 1,000,000,000
        assertThat(rate.getPreviousYearValue()).isEqualTo(amount("5.40"));
        // 4.6775 − 5.40 = −0.7225 pp
        assertThat(rate.getYoyChange()).isEqualTo(amount("-0.72"));
        assertThat(rate.getYoyPct()).isNull();
    }

    @Test
    void growthGapSubtractsLoanGrowthFromInclusiveSmeGrowthSinceTheYearStart() {
        IndicatorDto gap = compute(INCLUSIVE_SME_GROWTH_GAP_PP);

        // SME (30,000 − 24,000) / 24,000 × 100 = 25; loans 33,842 / 258,765 × 100 = 13.078276; 25 − 13.078276
        assertThat(gap.getValue()).isEqualTo(amount("11.92"));
        // over 2021: SME (24,000 − 20,000) / 20,000 × 100 = 20; loans 28,765 / 230,000 × 100 = 12.506522;
        // 20 − 12.506522 = 7.493478
        assertThat(gap.getYearStartValue()).isEqualTo(amount("7.49"));
        // 11.921724 − 7.493478 = 4.428246
        assertThat(gap.getChangeSinceYearStart()).isEqualTo(amount("4.43"));
        // 2021-09 against 2020-12: SME 2,000 / 20,000 × 100 = 10; loans 20,000 / 230,000 × 100 = 8.695652;
        // 10 − 8.695652 = 1.304348
        assertThat(gap.getPreviousYearValue()).isEqualTo(amount("1.30"));
        // 11.921724 − 1.304348 = 10.617376
        assertThat(gap.getYoyChange()).isEqualTo(amount("10.62"));
        assertThat(gap.getGrowthSinceYearStartPct()).isNull();
        assertThat(gap.getYoyPct()).isNull();
    }

    @Test
    void growthGapHasNoYearStartValueWithoutTheDecemberBeforeIt() {
        PeriodFigures withoutDecember2020 = new PeriodFigures(CreditFixtures.september2022(),
                CreditFixtures.december2021(), CreditFixtures.september2021(), Figures.empty());

        IndicatorDto gap = IndicatorCalculator.compute(INCLUSIVE_SME_GROWTH_GAP_PP, SEPTEMBER_2022, withoutDecember2020,
                null, Coverage.of(31, 31, true), false, CreditFixtures.SOURCE);

        // the value needs 2022-09 and 2021-12 only: 25 − 13.078276
        assertThat(gap.getValue()).isEqualTo(amount("11.92"));
        assertThat(gap.getYearStartValue()).isNull();
        assertThat(gap.getChangeSinceYearStart()).isNull();
        assertThat(gap.getPreviousYearValue()).isNull();
        assertThat(gap.getYoyChange()).isNull();
    }

    @Test
    void greenLoanShareIsAPercentOfAllLoans() {
        IndicatorDto share = compute(GREEN_LOAN_SHARE_PCT);

        // 20,000,000,000 / 292,607,000,000 × 100 = 6.835106
        assertThat(share.getValue()).isEqualTo(amount("6.84"));
        // 16,000,000,000 / 258,765,000,000 × 100 = 6.183216
        assertThat(share.getYearStartValue()).isEqualTo(amount("6.18"));
        // 6.835106 − 6.183216 = 0.651890 pp
        assertThat(share.getChangeSinceYearStart()).isEqualTo(amount("0.65"));
        // 15,000,000,000 / 250,000,000,000 × 100 = 6.00
        assertThat(share.getPreviousYearValue()).isEqualTo(amount("6.00"));
        // 6.835106 − 6.00 = 0.835106 pp
        assertThat(share.getYoyChange()).isEqualTo(amount("0.84"));
        assertThat(share.getYoyPct()).isNull();
    }

    private static IndicatorDto compute(IndicatorDefinition definition) {
        return IndicatorCalculator.compute(definition, SEPTEMBER_2022, CreditFixtures.citySeptember2022(), null,
                Coverage.of(31, 31, true), false, CreditFixtures.SOURCE);
    }
}
