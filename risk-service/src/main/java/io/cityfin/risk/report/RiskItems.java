package io.cityfin.risk.report;

/** The item codes and institution types of risk-service's three catalogues (data-standard-2.md, "Guarantee-industry ..."). */
final class RiskItems {

    static final String FINANCING_GUARANTEE = "FINANCING_GUARANTEE";
    static final String BRIDGE_FUND = "BRIDGE_FUND";
    static final String PRIVATE_LENDING = "PRIVATE_LENDING";

    static final String GUARANTEE_OUTSTANDING = "GUARANTEE_OUTSTANDING_BALANCE";
    static final String GUARANTEE_NET_ASSETS = "GUARANTEE_NET_ASSETS";
    static final String GUARANTEE_NEW_AMOUNT = "GUARANTEE_NEW_AMOUNT_YTD";
    static final String GUARANTEE_FEE_INCOME = "GUARANTEE_FEE_INCOME_YTD";
    static final String GUARANTEE_ENTERPRISES = "GUARANTEE_ENTERPRISES_SERVED_CUM";
    static final String GUARANTEE_FEE_WAIVER = "GUARANTEE_FEE_WAIVER_CUM";

    static final String BRIDGE_FUND_SIZE = "BRIDGE_FUND_SIZE";
    static final String BRIDGE_FUND_ENTERPRISES = "BRIDGE_FUND_ENTERPRISES_CUM";
    static final String BRIDGE_FUND_AMOUNT = "BRIDGE_FUND_AMOUNT_CUM";
    static final String BRIDGE_FUND_FEE_SAVING = "BRIDGE_FUND_FEE_SAVING_CUM";

    static final String PRIVATE_LENDING_OUTSTANDING = "PRIVATE_LENDING_OUTSTANDING";
    static final String PRIVATE_LENDING_NEW_BUSINESS = "PRIVATE_LENDING_NEW_BUSINESS_YTD";

    private RiskItems() {
    }
}
