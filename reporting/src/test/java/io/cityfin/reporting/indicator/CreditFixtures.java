package io.cityfin.reporting.indicator;

import java.math.BigDecimal;

import io.cityfin.reporting.catalogue.Item;
import io.cityfin.reporting.catalogue.Kind;
import io.cityfin.reporting.catalogue.Unit;

/**
 * Credit items as data-standard.md lists them and the city's credit figures around 2022-09: the balances at
 * 2022-09 and 2021-12 are the source document's; the rest are made up to be easy to check by hand.
 */
final class CreditFixtures {

    static final String SOURCE = "credit-service";

    static final Item DEPOSIT_BALANCE = stock("DEPOSIT_BALANCE", "各项存款余额（本外币）", "Deposit balance", true);
    static final Item LOAN_BALANCE = stock("LOAN_BALANCE", "各项贷款余额（本外币）", "Loan balance", true);
    static final Item INDUSTRIAL_LOAN_BALANCE = stock("INDUSTRIAL_LOAN_BALANCE", "工业贷款余额", "Industrial loan balance",
            false);
    static final Item INCLUSIVE_SME_LOAN_BALANCE = stock("INCLUSIVE_SME_LOAN_BALANCE", "普惠型小微企业贷款余额（剔除票据融资）",
            "Inclusive SME loan balance", false);
    static final Item INCLUSIVE_SME_BORROWERS = new Item("INCLUSIVE_SME_BORROWERS", "普惠型小微企业贷款户数",
            "Inclusive SME borrowers", Unit.HOUSEHOLD, Kind.STOCK, false, true);
    static final Item INCLUSIVE_SME_NEW_LOAN_AMOUNT_YTD = new Item("INCLUSIVE_SME_NEW_LOAN_AMOUNT_YTD",
            "新发放普惠型小微企业贷款金额（当年累计）", "New inclusive SME loans YTD", Unit.CNY, Kind.FLOW, false, true);
    static final Item INCLUSIVE_SME_NEW_LOAN_RATE = new Item("INCLUSIVE_SME_NEW_LOAN_RATE",
            "新发放普惠型小微企业贷款加权平均利率（当年累计）", "New inclusive SME loan rate", Unit.PERCENT, Kind.RATIO, false,
            false);
    static final Item GREEN_LOAN_BALANCE = stock("GREEN_LOAN_BALANCE", "绿色贷款余额", "Green loan balance", false);
    static final Item TECH_LOAN_ISSUED_YTD = new Item("TECH_LOAN_ISSUED_YTD", "科技贷款（科贷通等）当年累计发放",
            "Tech loans issued YTD", Unit.CNY, Kind.FLOW, false, true);
    static final Item NPL_BALANCE = stock("NPL_BALANCE", "不良贷款余额", "Non-performing loan balance", false);

    private static final String RATE = INCLUSIVE_SME_NEW_LOAN_RATE.code();
    private static final String NEW_LOANS = INCLUSIVE_SME_NEW_LOAN_AMOUNT_YTD.code();

    private CreditFixtures() {
    }

    /** A decimal written with thousands separators for reading: {@code amount("316,587,000,000.00")}. */
    static BigDecimal amount(String text) {
        return new BigDecimal(text.replace(",", ""));
    }

    /** The city-wide figures at 2022-09, 2021-12, 2021-09 and 2020-12. */
    static PeriodFigures citySeptember2022() {
        return new PeriodFigures(september2022(), december2021(), september2021(), december2020());
    }

    static MapFigures september2022() {
        return MapFigures.builder()
                .add("DEPOSIT_BALANCE", amount("316,587,000,000.00"))
                .add("LOAN_BALANCE", amount("292,607,000,000.00"))
                .add("INDUSTRIAL_LOAN_BALANCE", amount("27,111,000,000.00"))
                .add("NPL_BALANCE", amount("3,845,000,000.00"))
                .add("INCLUSIVE_SME_LOAN_BALANCE", amount("30,000,000,000.00"))
                .add("GREEN_LOAN_BALANCE", amount("20,000,000,000.00"))
                .addRated(RATE, amount("5.00"), NEW_LOANS, amount("1,000,000,000.00"))
                .addRated(RATE, amount("4.57"), NEW_LOANS, amount("3,000,000,000.00"))
                // a bank that reported the amount without its rate: in the amount, not in the average
                .add(NEW_LOANS, amount("500,000,000.00"))
                .build();
    }

    static MapFigures december2021() {
        return MapFigures.builder()
                .add("DEPOSIT_BALANCE", amount("280,243,000,000.00"))
                .add("LOAN_BALANCE", amount("258,765,000,000.00"))
                .add("INDUSTRIAL_LOAN_BALANCE", amount("22,018,000,000.00"))
                .add("NPL_BALANCE", amount("3,493,327,500.00"))
                .add("INCLUSIVE_SME_LOAN_BALANCE", amount("24,000,000,000.00"))
                .add("GREEN_LOAN_BALANCE", amount("16,000,000,000.00"))
                .addRated(RATE, amount("5.30"), NEW_LOANS, amount("2,000,000,000.00"))
                .addRated(RATE, amount("5.10"), NEW_LOANS, amount("2,000,000,000.00"))
                .build();
    }

    static MapFigures september2021() {
        return MapFigures.builder()
                .add("DEPOSIT_BALANCE", amount("275,000,000,000.00"))
                .add("LOAN_BALANCE", amount("250,000,000,000.00"))
                .add("NPL_BALANCE", amount("3,600,000,000.00"))
                .add("INCLUSIVE_SME_LOAN_BALANCE", amount("22,000,000,000.00"))
                .add("GREEN_LOAN_BALANCE", amount("15,000,000,000.00"))
                .addRated(RATE, amount("5.40"), NEW_LOANS, amount("1,000,000,000.00"))
                .build();
    }

    static MapFigures december2020() {
        return MapFigures.builder()
                .add("DEPOSIT_BALANCE", amount("250,000,000,000.00"))
                .add("LOAN_BALANCE", amount("230,000,000,000.00"))
                .add("INCLUSIVE_SME_LOAN_BALANCE", amount("20,000,000,000.00"))
                .build();
    }

    private static Item stock(String code, String nameZh, String nameEn, boolean tenDay) {
        return new Item(code, nameZh, nameEn, Unit.CNY, Kind.STOCK, tenDay, true);
    }
}
