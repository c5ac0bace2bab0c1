package io.cityfin.risk.lead;

import static io.cityfin.risk.lead.LeadFixtures.lead;
import static io.cityfin.risk.lead.LeadFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cityfin.risk.alert.Colour;
import io.cityfin.risk.alert.Finding;
import io.cityfin.risk.alert.RuleSettings;

class IfrLeadScaleRuleTest {

    static final LocalDate D = LocalDate.of(2022, 9, 30);
    static final RuleSettings DEFAULTS = new IfrLeadScaleRule(null).defaults();

    static Optional<Finding> found(String persons, String amount, String... steps) {
        return IfrLeadScaleRule.finding(view(lead(Lead.ILLEGAL_FUNDRAISING, false, persons, amount, steps)), D, DEFAULTS);
    }

    static Optional<Finding> open(String persons, String amount) {
        return found(persons, amount, "RECEIVED", "2022-09-01", "VERIFYING", "2022-09-02");
    }

    @Test
    void colourByAmountInvolvedAtTenFiftyAndAHundredMillion() {
        assertThat(open(null, "9999999.99")).isEmpty();
        assertThat(open(null, "10000000.00")).hasValueSatisfying(f -> {
            assertThat(f.colour()).isEqualTo(Colour.YELLOW);
            assertThat(f.threshold()).isEqualByComparingTo("10000000");
            assertThat(f.value()).isEqualByComparingTo("10000000");
        });
        assertThat(open(null, "49999999.99")).map(Finding::colour).contains(Colour.YELLOW);
        assertThat(open(null, "50000000")).map(Finding::colour).contains(Colour.ORANGE);
        assertThat(open(null, "100000000")).map(Finding::colour).contains(Colour.RED);
    }

    @Test
    void colourByPersonsInvolvedAtAHundredFiveHundredAndAThousand() {
        assertThat(open("99", null)).isEmpty();
        assertThat(open("100", null)).hasValueSatisfying(f -> {
            assertThat(f.colour()).isEqualTo(Colour.YELLOW);
            assertThat(f.threshold()).isEqualByComparingTo("100");
            assertThat(f.value()).isEqualByComparingTo("100");
        });
        assertThat(open("500", null)).map(Finding::colour).contains(Colour.ORANGE);
        assertThat(open("1000", null)).map(Finding::colour).contains(Colour.RED);
    }

    @Test
    void theHigherColourOfAmountAndPersonsWins() {
        assertThat(open("1000", "10000000")).hasValueSatisfying(f -> {
            assertThat(f.colour()).isEqualTo(Colour.RED);
            assertThat(f.value()).isEqualByComparingTo("1000");
        });
        assertThat(open("100", "50000000")).hasValueSatisfying(f -> {
            assertThat(f.colour()).isEqualTo(Colour.ORANGE);
            assertThat(f.value()).isEqualByComparingTo("50000000");
        });
    }

    @Test
    void leadsDismissedOrDisposedAtDAndLeadsNotYetReceivedAreNotWatched() {
        assertThat(found("2000", "200000000", "RECEIVED", "2022-09-01", "DISMISSED", "2022-09-05")).isEmpty();
        assertThat(found("2000", "200000000", "RECEIVED", "2022-09-01", "VERIFYING", "2022-09-02", "DISPOSED", "2022-09-30")).isEmpty();
        assertThat(found("2000", "200000000", "RECEIVED", "2022-10-01")).isEmpty();
        assertThat(found("2000", "200000000", "RECEIVED", "2022-09-01", "VERIFYING", "2022-09-02", "DISPOSED", "2022-10-01"))
                .map(Finding::colour).contains(Colour.RED);
        assertThat(IfrLeadScaleRule.finding(view(lead(Lead.ILLEGAL_FUNDRAISING, true, "20", "150000000", "CASE_FILED", "2019-06-05")), D,
                DEFAULTS)).map(Finding::colour).contains(Colour.RED);
    }
}
