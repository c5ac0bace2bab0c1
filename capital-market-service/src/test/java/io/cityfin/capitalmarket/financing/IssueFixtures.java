package io.cityfin.capitalmarket.financing;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** Issues for tests: a valid one, and the same with one member changed. */
public final class IssueFixtures {

    /** Valid USCCs (GB 32100-2015 check characters computed by hand). */
    public static final String ENTERPRISE_USCC = "91361000MA35GF2F4Y";
    public static final String SECURITIES_FIRM = "91361002MA3QT0001R";

    private IssueFixtures() {
    }

    public static Issue aCorporateBond() {
        return new Issue(new Issue.Issuer(ENTERPRISE_USCC, "抚州市测试实业有限公司", "ENTERPRISE"), "361002", "EXCHANGE_MARKET", "CORPORATE_BOND",
                "185123.SH", new BigDecimal("500000000.00"), "2022-06-15", null);
    }

    public static Issue withIssuer(Issue issue, Issue.@Nullable Issuer issuer) {
        return new Issue(issuer, issue.region(), issue.channel(), issue.instrument(), issue.securityCode(), issue.amount(), issue.issuedOn(),
                issue.leadUnderwriter());
    }

    public static Issue withRegion(Issue issue, @Nullable String region) {
        return new Issue(issue.issuer(), region, issue.channel(), issue.instrument(), issue.securityCode(), issue.amount(), issue.issuedOn(),
                issue.leadUnderwriter());
    }

    public static Issue withInstrument(Issue issue, @Nullable String channel, @Nullable String instrument) {
        return new Issue(issue.issuer(), issue.region(), channel, instrument, issue.securityCode(), issue.amount(), issue.issuedOn(),
                issue.leadUnderwriter());
    }

    public static Issue withAmount(Issue issue, @Nullable String amount) {
        return new Issue(issue.issuer(), issue.region(), issue.channel(), issue.instrument(), issue.securityCode(),
                amount == null ? null : new BigDecimal(amount), issue.issuedOn(), issue.leadUnderwriter());
    }

    public static Issue issuedOn(Issue issue, @Nullable String day) {
        return new Issue(issue.issuer(), issue.region(), issue.channel(), issue.instrument(), issue.securityCode(), issue.amount(), day,
                issue.leadUnderwriter());
    }

    public static Issue ledBy(Issue issue, @Nullable String underwriter) {
        return new Issue(issue.issuer(), issue.region(), issue.channel(), issue.instrument(), issue.securityCode(), issue.amount(), issue.issuedOn(),
                underwriter);
    }
}
