package io.cityfin.reporting.indicator;

import static io.cityfin.reporting.indicator.CreditFixtures.amount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.Period;
import io.cityfin.reporting.catalogue.Kind;
import io.cityfin.reporting.catalogue.Unit;

class IndicatorCalculatorTest {

    private static final Period SEPTEMBER_2022 = Period.month(2022, 9);
    private static final Coverage ALL_REPORTED = Coverage.of(31, 31, true);

    private static final IndicatorDefinition DEPOSIT_BALANCE = IndicatorDefinition.of(CreditFixtures.DEPOSIT_BALANCE);
    private static final IndicatorDefinition LOAN_BALANCE = IndicatorDefinition.of(CreditFixtures.LOAN_BALANCE);
    private static final IndicatorDefinition INDUSTRIAL_LOAN_BALANCE =
            IndicatorDefinition.of(CreditFixtures.INDUSTRIAL_LOAN_BALANCE);
    private static final IndicatorDefinition TECH_LOAN_ISSUED_YTD = IndicatorDefinition.of(CreditFixtures.TECH_LOAN_ISSUED_YTD);
    private static final IndicatorDefinition INCLUSIVE_SME_BORROWERS =
            IndicatorDefinition.of(CreditFixtures.INCLUSIVE_SME_BORROWERS);
    private static final IndicatorDefinition LOAN_INCREASE_YTD = DerivedCreditIndicatorsTest.LOAN_INCREASE_YTD;
    private static final IndicatorDefinition NPL_RATIO = DerivedCreditIndicatorsTest.NPL_RATIO;
    private static final IndicatorDefinition GREEN_LOAN_SHARE_PCT = DerivedCreditIndicatorsTest.GREEN_LOAN_SHARE_PCT;

    @Test
    void servesTheSourceDocumentsDepositBalanceAsTheContractExampleShowsIt() {
        PeriodFigures withoutLastYear = new PeriodFigures(CreditFixtures.september2022(), CreditFixtures.december2021(),
                Figures.empty(), Figures.empty());

        IndicatorDto deposits = IndicatorCalculator.compute(DEPOSIT_BALANCE, SEPTEMBER_2022, withoutLastYear, null,
                ALL_REPORTED, false, "credit-service");

        assertThat(deposits).isEqualTo(new IndicatorDto("DEPOSIT_BALANCE", "各项存款余额（本外币）", "Deposit balance",
                IndicatorDto.UnitEnum.CNY, IndicatorDto.KindEnum.STOCK,
                amount("316,587,000,000.00"),
                amount("280,243,000,000.00"),
                // 316,587,000,000 − 280,243,000,000
                amount("36,344,000,000.00"),
                // 36,344 / 280,243 × 100 = 12.9687…
                amount("12.97"),
                null, null, null,
                null, null, null,
                31, 31, true, false, "credit-service"));
    }

    @Test
    void growsLoansAndIndustrialLoansSinceTheYearStartAsTheSourceDocumentStates() {
        IndicatorDto loans = september2022(LOAN_BALANCE, null);
        IndicatorDto industrial = september2022(INDUSTRIAL_LOAN_BALANCE, null);

        // 292,607,000,000 − 258,765,000,000
        assertThat(loans.getChangeSinceYearStart()).isEqualTo(amount("33,842,000,000.00"));
        // 33,842 / 258,765 × 100 = 13.0783…
        assertThat(loans.getGrowthSinceYearStartPct()).isEqualTo(amount("13.08"));
        assertThat(industrial.getValue()).isEqualTo(amount("27,111,000,000.00"));
        assertThat(industrial.getYearStartValue()).isEqualTo(amount("22,018,000,000.00"));
        // 27,111,000,000 − 22,018,000,000
        assertThat(industrial.getChangeSinceYearStart()).isEqualTo(amount("5,093,000,000.00"));
        // 5,093 / 22,018 × 100 = 23.1311…
        assertThat(industrial.getGrowthSinceYearStartPct()).isEqualTo(amount("23.13"));
    }

    @Test
    void comparesAStockWithTheSamePeriodAYearEarlier() {
        IndicatorDto deposits = september2022(DEPOSIT_BALANCE, null);

        assertThat(deposits.getPreviousYearValue()).isEqualTo(amount("275,000,000,000.00"));
        // 316,587,000,000 − 275,000,000,000
        assertThat(deposits.getYoyChange()).isEqualTo(amount("41,587,000,000.00"));
        // 41,587 / 275,000 × 100 = 15.1225…
        assertThat(deposits.getYoyPct()).isEqualTo(amount("15.12"));
    }

    @Test
    void givesAFlowNoYearStartFiguresAndComparesItWithTheSameMonthAYearEarlier() {
        PeriodFigures figures = new PeriodFigures(
                sums("TECH_LOAN_ISSUED_YTD", "1,250,000,000.00"),
                // the whole of 2021: a year-to-date figure starts again in January, so it is no base
                sums("TECH_LOAN_ISSUED_YTD", "1,400,000,000.00"),
                sums("TECH_LOAN_ISSUED_YTD", "1,000,000,000.00"),
                sums("TECH_LOAN_ISSUED_YTD", "1,300,000,000.00"));

        IndicatorDto tech = compute(TECH_LOAN_ISSUED_YTD, SEPTEMBER_2022, figures, null);

        assertThat(tech.getKind()).isEqualTo(IndicatorDto.KindEnum.FLOW);
        assertThat(tech.getValue()).isEqualTo(amount("1,250,000,000.00"));
        assertThat(tech.getYearStartValue()).isNull();
        assertThat(tech.getChangeSinceYearStart()).isNull();
        assertThat(tech.getGrowthSinceYearStartPct()).isNull();
        assertThat(tech.getPreviousYearValue()).isEqualTo(amount("1,000,000,000.00"));
        // 1,250,000,000 − 1,000,000,000
        assertThat(tech.getYoyChange()).isEqualTo(amount("250,000,000.00"));
        // 250 / 1,000 × 100
        assertThat(tech.getYoyPct()).isEqualTo(amount("25.00"));
    }

    @Test
    void givesARatioItsChangesInPercentagePointsAndNoGrowthPercentages() {
        IndicatorDto npl = september2022(NPL_RATIO, null);

        // 3,845,000,000 / 292,607,000,000 × 100 = 1.31405…
        assertThat(npl.getValue()).isEqualTo(amount("1.31"));
        // 3,493,327,500 / 258,765,000,000 × 100 = 1.35
        assertThat(npl.getYearStartValue()).isEqualTo(amount("1.35"));
        // 1.31405… − 1.35 = −0.03595…
        assertThat(npl.getChangeSinceYearStart()).isEqualTo(amount("-0.04"));
        assertThat(npl.getGrowthSinceYearStartPct()).isNull();
        assertThat(npl.getYoyPct()).isNull();
    }

    @Test
    void givesNullNeverZeroForAMissingBase() {
        PeriodFigures figures = new PeriodFigures(sums("DEPOSIT_BALANCE", "100.00"), Figures.empty(), Figures.empty(),
                Figures.empty());

        IndicatorDto deposits = compute(DEPOSIT_BALANCE, SEPTEMBER_2022, figures, null);

        assertThat(deposits.getValue()).isEqualTo(amount("100.00"));
        assertThat(deposits.getYearStartValue()).isNull();
        assertThat(deposits.getChangeSinceYearStart()).isNull();
        assertThat(deposits.getGrowthSinceYearStartPct()).isNull();
        assertThat(deposits.getPreviousYearValue()).isNull();
        assertThat(deposits.getYoyChange()).isNull();
        assertThat(deposits.getYoyPct()).isNull();
    }

    @Test
    void givesNullNeverZeroForGrowthFromAZeroBase() {
        PeriodFigures figures = new PeriodFigures(sums("DEPOSIT_BALANCE", "100.00"), sums("DEPOSIT_BALANCE", "0.00"),
                sums("DEPOSIT_BALANCE", "0.00"), Figures.empty());

        IndicatorDto deposits = compute(DEPOSIT_BALANCE, SEPTEMBER_2022, figures, null);

        assertThat(deposits.getYearStartValue()).isEqualTo(amount("0.00"));
        // 100 − 0: a change from zero is known, only its percentage is not
        assertThat(deposits.getChangeSinceYearStart()).isEqualTo(amount("100.00"));
        assertThat(deposits.getGrowthSinceYearStartPct()).isNull();
        assertThat(deposits.getPreviousYearValue()).isEqualTo(amount("0.00"));
        assertThat(deposits.getYoyChange()).isEqualTo(amount("100.00"));
        assertThat(deposits.getYoyPct()).isNull();
    }

    @Test
    void givesNullNeverZeroForAShareOfAZeroTotal() {
        PeriodFigures figures = new PeriodFigures(sums("GREEN_LOAN_BALANCE", "0.00", "LOAN_BALANCE", "0.00"),
                sums("GREEN_LOAN_BALANCE", "5.00", "LOAN_BALANCE", "100.00"), Figures.empty(), Figures.empty());

        IndicatorDto share = compute(GREEN_LOAN_SHARE_PCT, SEPTEMBER_2022, figures, null);

        assertThat(share.getValue()).isNull();
        // 5 / 100 × 100
        assertThat(share.getYearStartValue()).isEqualTo(amount("5.00"));
        assertThat(share.getChangeSinceYearStart()).isNull();
    }

    @Test
    void leavesEveryFigureAndTargetFieldNullWhenNobodyReported() {
        Target target = new Target("DEPOSIT_BALANCE", TargetKind.BALANCE, amount("300,000,000,000"));

        IndicatorDto deposits = compute(DEPOSIT_BALANCE, SEPTEMBER_2022, PeriodFigures.empty(), target);

        assertThat(deposits).isEqualTo(expected(DEPOSIT_BALANCE, IndicatorDto.UnitEnum.CNY, IndicatorDto.KindEnum.STOCK));
    }

    @Test
    void roundsResultsFromUnroundedFiguresNotFromRoundedParts() {
        PeriodFigures figures = new PeriodFigures(
                sums("GREEN_LOAN_BALANCE", "10,006.00", "LOAN_BALANCE", "100,000.00"),
                sums("GREEN_LOAN_BALANCE", "10,004.00", "LOAN_BALANCE", "100,000.00"),
                sums("GREEN_LOAN_BALANCE", "10,001.50", "LOAN_BALANCE", "100,000.00"),
                Figures.empty());

        IndicatorDto share = compute(GREEN_LOAN_SHARE_PCT, SEPTEMBER_2022, figures, null);

        // 10,006 / 100,000 × 100 = 10.006
        assertThat(share.getValue()).isEqualTo(amount("10.01"));
        // 10,004 / 100,000 × 100 = 10.004
        assertThat(share.getYearStartValue()).isEqualTo(amount("10.00"));
        // 10.006 − 10.004 = 0.002; the rounded parts would give 10.01 − 10.00 = 0.01
        assertThat(share.getChangeSinceYearStart()).isEqualTo(amount("0.00"));
        // 10,001.5 / 100,000 × 100 = 10.0015
        assertThat(share.getPreviousYearValue()).isEqualTo(amount("10.00"));
        // 10.006 − 10.0015 = 0.0045; the rounded parts would give 0.01
        assertThat(share.getYoyChange()).isEqualTo(amount("0.00"));
    }

    @Test
    void roundsHalfUpAwayFromZeroNotToEven() {
        PeriodFigures figures = new PeriodFigures(
                sums("GREEN_LOAN_BALANCE", "1.00", "LOAN_BALANCE", "800.00"),
                sums("GREEN_LOAN_BALANCE", "2.00", "LOAN_BALANCE", "800.00"),
                Figures.empty(), Figures.empty());

        IndicatorDto share = compute(GREEN_LOAN_SHARE_PCT, SEPTEMBER_2022, figures, null);

        // 1 / 800 × 100 = 0.125: half-even would give 0.12
        assertThat(share.getValue()).isEqualTo(amount("0.13"));
        // 2 / 800 × 100 = 0.25
        assertThat(share.getYearStartValue()).isEqualTo(amount("0.25"));
        // 0.125 − 0.25 = −0.125: half-up rounds away from zero
        assertThat(share.getChangeSinceYearStart()).isEqualTo(amount("-0.13"));
    }

    @Test
    void roundsCountsToWholeNumbersAndTheirPercentagesToTwoDecimals() {
        PeriodFigures figures = new PeriodFigures(sums("INCLUSIVE_SME_BORROWERS", "12345"),
                sums("INCLUSIVE_SME_BORROWERS", "11345"), sums("INCLUSIVE_SME_BORROWERS", "10000"), Figures.empty());

        IndicatorDto borrowers = compute(INCLUSIVE_SME_BORROWERS, SEPTEMBER_2022, figures, null);

        assertThat(borrowers.getUnit()).isEqualTo(IndicatorDto.UnitEnum.HOUSEHOLD);
        assertThat(borrowers.getValue()).isEqualTo(new BigDecimal("12345"));
        assertThat(borrowers.getYearStartValue()).isEqualTo(new BigDecimal("11345"));
        // 12,345 − 11,345
        assertThat(borrowers.getChangeSinceYearStart()).isEqualTo(new BigDecimal("1000"));
        // 1,000 / 11,345 × 100 = 8.8144…
        assertThat(borrowers.getGrowthSinceYearStartPct()).isEqualTo(amount("8.81"));
        // 12,345 − 10,000
        assertThat(borrowers.getYoyChange()).isEqualTo(new BigDecimal("2345"));
        // 2,345 / 10,000 × 100
        assertThat(borrowers.getYoyPct()).isEqualTo(amount("23.45"));
    }

    @Test
    void roundsACountAverageHalfUpToAWholeNumber() {
        IndicatorDefinition perBranch = new IndicatorDefinition("BORROWERS_PER_BRANCH", "网点平均户数", "Borrowers per branch",
                Unit.COUNT, Kind.RATIO, Formula.perUnit("BORROWERS", "BRANCHES"), Set.of("BORROWERS", "BRANCHES"));
        PeriodFigures figures = new PeriodFigures(sums("BORROWERS", "1001", "BRANCHES", "2"),
                sums("BORROWERS", "999", "BRANCHES", "2"), Figures.empty(), Figures.empty());

        IndicatorDto average = compute(perBranch, SEPTEMBER_2022, figures, null);

        // 1,001 / 2 = 500.5
        assertThat(average.getValue()).isEqualTo(new BigDecimal("501"));
        // 999 / 2 = 499.5
        assertThat(average.getYearStartValue()).isEqualTo(new BigDecimal("500"));
        // 500.5 − 499.5
        assertThat(average.getChangeSinceYearStart()).isEqualTo(new BigDecimal("1"));
    }

    @Test
    void measuresAFlowTargetByTheValueAgainstTheShareOfTheYearElapsed() {
        IndicatorDto ahead = september2022(LOAN_INCREASE_YTD,
                new Target("LOAN_INCREASE_YTD", TargetKind.FLOW, amount("35,000,000,000")));
        IndicatorDto behind = september2022(LOAN_INCREASE_YTD,
                new Target("LOAN_INCREASE_YTD", TargetKind.FLOW, amount("50,000,000,000")));

        assertThat(ahead.getTarget()).isEqualTo(amount("35,000,000,000.00"));
        // 33,842 / 35,000 × 100 = 96.6914… ≥ 74.79
        assertThat(ahead.getTargetProgressPct()).isEqualTo(amount("96.69"));
        assertThat(ahead.getOnTrack()).isTrue();
        // 33,842 / 50,000 × 100 = 67.684 < 74.79
        assertThat(behind.getTargetProgressPct()).isEqualTo(amount("67.68"));
        assertThat(behind.getOnTrack()).isFalse();
    }

    @Test
    void judgesOnTrackFromTheProgressAsPublished() {
        Target target = new Target("TECH_LOAN_ISSUED_YTD", TargetKind.FLOW, amount("100,000,000.00"));

        IndicatorDto justOnTrack = compute(TECH_LOAN_ISSUED_YTD, SEPTEMBER_2022,
                flow("TECH_LOAN_ISSUED_YTD", "74,785,000.00"), target);
        IndicatorDto justBehind = compute(TECH_LOAN_ISSUED_YTD, SEPTEMBER_2022,
                flow("TECH_LOAN_ISSUED_YTD", "74,784,999.99"), target);

        // 74,785,000 / 100,000,000 × 100 = 74.785, published 74.79 ≥ 74.79
        assertThat(justOnTrack.getTargetProgressPct()).isEqualTo(amount("74.79"));
        assertThat(justOnTrack.getOnTrack()).isTrue();
        // 74,784,999.99 / 100,000,000 × 100 = 74.7849999…, published 74.78 < 74.79
        assertThat(justBehind.getTargetProgressPct()).isEqualTo(amount("74.78"));
        assertThat(justBehind.getOnTrack()).isFalse();
    }

    @Test
    void measuresAnIncreaseTargetByTheChangeSinceTheYearStart() {
        IndicatorDto ahead = september2022(INDUSTRIAL_LOAN_BALANCE,
                new Target("INDUSTRIAL_LOAN_BALANCE", TargetKind.INCREASE, amount("6,000,000,000")));
        IndicatorDto behind = september2022(INDUSTRIAL_LOAN_BALANCE,
                new Target("INDUSTRIAL_LOAN_BALANCE", TargetKind.INCREASE, amount("8,000,000,000")));

        assertThat(ahead.getTarget()).isEqualTo(amount("6,000,000,000.00"));
        // 5,093 / 6,000 × 100 = 84.8833… ≥ 74.79
        assertThat(ahead.getTargetProgressPct()).isEqualTo(amount("84.88"));
        assertThat(ahead.getOnTrack()).isTrue();
        // 5,093 / 8,000 × 100 = 63.6625 < 74.79
        assertThat(behind.getTargetProgressPct()).isEqualTo(amount("63.66"));
        assertThat(behind.getOnTrack()).isFalse();
    }

    @Test
    void cannotMeasureAnIncreaseTargetWithoutAYearStartValue() {
        PeriodFigures figures = new PeriodFigures(sums("INDUSTRIAL_LOAN_BALANCE", "27,111,000,000.00"), Figures.empty(),
                Figures.empty(), Figures.empty());

        IndicatorDto industrial = compute(INDUSTRIAL_LOAN_BALANCE, SEPTEMBER_2022, figures,
                new Target("INDUSTRIAL_LOAN_BALANCE", TargetKind.INCREASE, amount("6,000,000,000")));

        assertThat(industrial.getTarget()).isEqualTo(amount("6,000,000,000.00"));
        assertThat(industrial.getTargetProgressPct()).isNull();
        assertThat(industrial.getOnTrack()).isNull();
    }

    @Test
    void measuresABalanceTargetByTheShareOfTheWayFromTheYearStartDueByNow() {
        IndicatorDto behind = september2022(INDUSTRIAL_LOAN_BALANCE,
                new Target("INDUSTRIAL_LOAN_BALANCE", TargetKind.BALANCE, amount("35,000,000,000")));
        IndicatorDto ahead = september2022(INDUSTRIAL_LOAN_BALANCE,
                new Target("INDUSTRIAL_LOAN_BALANCE", TargetKind.BALANCE, amount("28,000,000,000")));

        // 27,111 / 35,000 × 100 = 77.46
        assertThat(behind.getTargetProgressPct()).isEqualTo(amount("77.46"));
        // 27,111 − 22,018 = 5,093 < (35,000 − 22,018) × 74.79 / 100 = 9,709.2378 (million yuan)
        assertThat(behind.getOnTrack()).isFalse();
        // 27,111 / 28,000 × 100 = 96.825: half-up, where half-even would give 96.82
        assertThat(ahead.getTargetProgressPct()).isEqualTo(amount("96.83"));
        // 5,093 ≥ (28,000 − 22,018) × 74.79 / 100 = 4,473.9378 (million yuan)
        assertThat(ahead.getOnTrack()).isTrue();
    }

    @Test
    void measuresABalanceTargetBelowTheYearStartByTheValueAlone() {
        Target target = new Target("INDUSTRIAL_LOAN_BALANCE", TargetKind.BALANCE, amount("20,000,000,000"));

        IndicatorDto above = compute(INDUSTRIAL_LOAN_BALANCE, SEPTEMBER_2022,
                stock("INDUSTRIAL_LOAN_BALANCE", "20,100,000,000.00", "22,018,000,000.00"), target);
        IndicatorDto below = compute(INDUSTRIAL_LOAN_BALANCE, SEPTEMBER_2022,
                stock("INDUSTRIAL_LOAN_BALANCE", "19,900,000,000.00", "22,018,000,000.00"), target);

        // 20,100 / 20,000 × 100
        assertThat(above.getTargetProgressPct()).isEqualTo(amount("100.50"));
        // 20,100 ≥ 20,000; the general rule would say behind: 20,100 − 22,018 = −1,918 < (20,000 − 22,018) × 0.7479
        // = −1,509.2622
        assertThat(above.getOnTrack()).isTrue();
        // 19,900 / 20,000 × 100
        assertThat(below.getTargetProgressPct()).isEqualTo(amount("99.50"));
        // 19,900 < 20,000
        assertThat(below.getOnTrack()).isFalse();
    }

    @Test
    void cannotJudgeABalanceTargetWithoutAYearStartValue() {
        PeriodFigures figures = new PeriodFigures(sums("INDUSTRIAL_LOAN_BALANCE", "27,111,000,000.00"), Figures.empty(),
                Figures.empty(), Figures.empty());

        IndicatorDto industrial = compute(INDUSTRIAL_LOAN_BALANCE, SEPTEMBER_2022, figures,
                new Target("INDUSTRIAL_LOAN_BALANCE", TargetKind.BALANCE, amount("35,000,000,000")));

        // 27,111 / 35,000 × 100 = 77.46: the completion rate needs no year start
        assertThat(industrial.getTargetProgressPct()).isEqualTo(amount("77.46"));
        assertThat(industrial.getOnTrack()).isNull();
    }

    @Test
    void cannotMeasureProgressAgainstAZeroTarget() {
        IndicatorDto tech = compute(TECH_LOAN_ISSUED_YTD, SEPTEMBER_2022, flow("TECH_LOAN_ISSUED_YTD", "1.00"),
                new Target("TECH_LOAN_ISSUED_YTD", TargetKind.FLOW, amount("0")));

        assertThat(tech.getTarget()).isEqualTo(amount("0.00"));
        assertThat(tech.getTargetProgressPct()).isNull();
        assertThat(tech.getOnTrack()).isNull();
    }

    @Test
    void refusesATargetOfAnotherIndicator() {
        Target loans = new Target("LOAN_BALANCE", TargetKind.BALANCE, amount("1"));

        assertThatIllegalArgumentException().isThrownBy(() -> september2022(DEPOSIT_BALANCE, loans))
                .withMessageContaining("LOAN_BALANCE");
    }

    @Test
    void refusesATargetOfAKindThatDoesNotFitTheIndicator() {
        Target increaseOfAFlow = new Target("LOAN_INCREASE_YTD", TargetKind.INCREASE, amount("1"));
        Target balanceOfARatio = new Target("NPL_RATIO", TargetKind.BALANCE, amount("1"));

        assertThatIllegalArgumentException().isThrownBy(() -> september2022(LOAN_INCREASE_YTD, increaseOfAFlow));
        assertThatIllegalArgumentException().isThrownBy(() -> september2022(NPL_RATIO, balanceOfARatio));
    }

    @Test
    void elapsesTheYearByTheDaysUpToThePeriodsLastDay() {
        // 2022-09-30 is day 273 of 365: 273 / 365 × 100 = 74.7945…
        assertThat(Period.month(2022, 9).yearElapsedPct()).isEqualTo(amount("74.79"));
        assertThat(Period.quarter(2022, 3).yearElapsedPct()).isEqualTo(amount("74.79"));
        // 2022-09-20 is day 263: 263 / 365 × 100 = 72.0547…
        assertThat(Period.tenDay(2022, 9, 2).yearElapsedPct()).isEqualTo(amount("72.05"));
    }

    @Test
    void withholdsEveryFigureOfASuppressedIndicatorButKeepsWhoReported() {
        Coverage twoBanks = Coverage.of(2, 31, true);

        IndicatorDto deposits = IndicatorCalculator.compute(DEPOSIT_BALANCE, SEPTEMBER_2022,
                CreditFixtures.citySeptember2022(), new Target("DEPOSIT_BALANCE", TargetKind.BALANCE, amount("1")),
                twoBanks, true, CreditFixtures.SOURCE);

        assertThat(deposits).isEqualTo(expected(DEPOSIT_BALANCE, IndicatorDto.UnitEnum.CNY, IndicatorDto.KindEnum.STOCK)
                .reportingInstitutions(2)
                .suppressed(true));
    }

    @Test
    void passesTheCoverageOnAndNoneForRecordBasedIndicators() {
        IndicatorDto incomplete = IndicatorCalculator.compute(DEPOSIT_BALANCE, SEPTEMBER_2022,
                CreditFixtures.citySeptember2022(), null, Coverage.of(29, 31, false), false, CreditFixtures.SOURCE);
        IndicatorDto fromRecords = IndicatorCalculator.compute(DEPOSIT_BALANCE, SEPTEMBER_2022,
                CreditFixtures.citySeptember2022(), null, Coverage.none(), false, "insurance-service");

        assertThat(incomplete.getReportingInstitutions()).isEqualTo(29);
        assertThat(incomplete.getExpectedInstitutions()).isEqualTo(31);
        assertThat(incomplete.getComplete()).isFalse();
        assertThat(fromRecords.getReportingInstitutions()).isNull();
        assertThat(fromRecords.getExpectedInstitutions()).isNull();
        assertThat(fromRecords.getComplete()).isNull();
        assertThat(fromRecords.getSource()).isEqualTo("insurance-service");
    }

    @Test
    void showsAQuarterAsItsLastMonth() {
        Period thirdQuarter = Period.quarter(2022, 3);
        Target target = new Target("LOAN_INCREASE_YTD", TargetKind.FLOW, amount("35,000,000,000"));

        IndicatorDto quarter = compute(LOAN_INCREASE_YTD, thirdQuarter, CreditFixtures.citySeptember2022(), target);

        assertThat(FigurePeriods.of(thirdQuarter).at()).isEqualTo(SEPTEMBER_2022);
        assertThat(quarter).isEqualTo(september2022(LOAN_INCREASE_YTD, target));
        // 292,607,000,000 − 258,765,000,000
        assertThat(quarter.getValue()).isEqualTo(amount("33,842,000,000.00"));
        // 33,842 / 35,000 × 100 = 96.69 ≥ 74.79, the quarter's last day being 2022-09-30 as well
        assertThat(quarter.getOnTrack()).isTrue();
    }

    @Test
    void showsATenDayPeriodsStockAgainstThePreviousDecemberAndLastYearsSameTenDays() {
        Period secondTenDays = Period.tenDay(2022, 9, 2);
        PeriodFigures figures = new PeriodFigures(
                sums("DEPOSIT_BALANCE", "314,000,000,000.00"),  // 2022-09-D2, from ten-day reports
                sums("DEPOSIT_BALANCE", "280,243,000,000.00"),  // 2021-12, from monthly reports
                sums("DEPOSIT_BALANCE", "270,000,000,000.00"),  // 2021-09-D2
                Figures.empty());
        Target target = new Target("DEPOSIT_BALANCE", TargetKind.INCREASE, amount("46,000,000,000"));

        IndicatorDto tenDays = compute(DEPOSIT_BALANCE, secondTenDays, figures, target);
        IndicatorDto asIfMonthEnd = compute(DEPOSIT_BALANCE, SEPTEMBER_2022, figures, target);

        assertThat(FigurePeriods.of(secondTenDays)).isEqualTo(new FigurePeriods(secondTenDays, Period.month(2021, 12),
                Period.tenDay(2021, 9, 2), Period.month(2020, 12)));
        assertThat(tenDays.getValue()).isEqualTo(amount("314,000,000,000.00"));
        assertThat(tenDays.getYearStartValue()).isEqualTo(amount("280,243,000,000.00"));
        // 314,000,000,000 − 280,243,000,000
        assertThat(tenDays.getChangeSinceYearStart()).isEqualTo(amount("33,757,000,000.00"));
        // 33,757 / 280,243 × 100 = 12.0456…
        assertThat(tenDays.getGrowthSinceYearStartPct()).isEqualTo(amount("12.05"));
        // 314,000,000,000 − 270,000,000,000
        assertThat(tenDays.getYoyChange()).isEqualTo(amount("44,000,000,000.00"));
        // 44 / 270 × 100 = 16.2962…
        assertThat(tenDays.getYoyPct()).isEqualTo(amount("16.30"));
        // 33,757 / 46,000 × 100 = 73.3847…: ahead of 72.05 on 2022-09-20, behind 74.79 on 2022-09-30
        assertThat(tenDays.getTargetProgressPct()).isEqualTo(amount("73.38"));
        assertThat(tenDays.getOnTrack()).isTrue();
        assertThat(asIfMonthEnd.getOnTrack()).isFalse();
    }

    private static IndicatorDto september2022(IndicatorDefinition definition, @Nullable Target target) {
        return compute(definition, SEPTEMBER_2022, CreditFixtures.citySeptember2022(), target);
    }

    private static IndicatorDto compute(IndicatorDefinition definition, Period period, PeriodFigures figures,
            @Nullable Target target) {
        return IndicatorCalculator.compute(definition, period, figures, target, ALL_REPORTED, false,
                CreditFixtures.SOURCE);
    }

    /** An indicator with no figures: every figure and target field null. */
    private static IndicatorDto expected(IndicatorDefinition definition, IndicatorDto.UnitEnum unit,
            IndicatorDto.KindEnum kind) {
        return new IndicatorDto(definition.code(), definition.nameZh(), definition.nameEn(), unit, kind,
                null, null, null, null, null, null, null, null, null, null, 31, 31, true, false, CreditFixtures.SOURCE);
    }

    /** Figures with the given sums: item, value, item, value, ... */
    private static Figures sums(String... itemsAndValues) {
        Map<String, BigDecimal> sums = new HashMap<>();
        for (int i = 0; i < itemsAndValues.length; i += 2) {
            sums.put(itemsAndValues[i], amount(itemsAndValues[i + 1]));
        }
        return MapFigures.of(sums);
    }

    private static PeriodFigures flow(String item, String value) {
        return new PeriodFigures(sums(item, value), Figures.empty(), Figures.empty(), Figures.empty());
    }

    private static PeriodFigures stock(String item, String value, String yearStart) {
        return new PeriodFigures(sums(item, value), sums(item, yearStart), Figures.empty(), Figures.empty());
    }
}
