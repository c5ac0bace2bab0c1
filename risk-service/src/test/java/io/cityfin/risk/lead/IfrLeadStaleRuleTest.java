package io.cityfin.risk.lead;

import static io.cityfin.risk.lead.LeadFixtures.lead;
import static io.cityfin.risk.lead.LeadFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cityfin.reporting.record.RecordAccepted;
import io.cityfin.risk.alert.Colour;
import io.cityfin.risk.alert.Finding;
import io.cityfin.risk.alert.RuleSettings;

class IfrLeadStaleRuleTest {

    static final LocalDate AT = LocalDate.of(2022, 9, 30);
    static final RuleSettings DEFAULTS = new IfrLeadStaleRule(null, null).defaults();

    static Optional<Finding> found(String... steps) {
        return IfrLeadStaleRule.finding(view(lead(Lead.ILLEGAL_FUNDRAISING, false, null, null, steps)), AT, DEFAULTS);
    }

    @Test
    void colourByDaysSinceReceiptAtThirtySixtyAndNinety() {
        assertThat(found("RECEIVED", "2022-09-01")).isEmpty();
        assertThat(found("RECEIVED", "2022-08-31")).hasValueSatisfying(f -> {
            assertThat(f.colour()).isEqualTo(Colour.YELLOW);
            assertThat(f.value()).isEqualByComparingTo("30");
            assertThat(f.threshold()).isEqualByComparingTo("30");
        });
        assertThat(found("RECEIVED", "2022-08-01", "VERIFYING", "2022-09-29")).map(Finding::colour).contains(Colour.ORANGE);
        assertThat(found("RECEIVED", "2022-07-02", "VERIFYING", "2022-07-03")).hasValueSatisfying(f -> {
            assertThat(f.colour()).isEqualTo(Colour.RED);
            assertThat(f.value()).isEqualByComparingTo("90");
        });
    }

    @Test
    void aLeadReferredFiledOrClosedByThenIsNotStale() {
        assertThat(found("RECEIVED", "2022-01-01", "VERIFYING", "2022-01-02", "REFERRED_TO_POLICE", "2022-09-29")).isEmpty();
        assertThat(found("RECEIVED", "2022-01-01", "DISMISSED", "2022-09-29")).isEmpty();
        assertThat(IfrLeadStaleRule.finding(view(lead(Lead.ILLEGAL_FUNDRAISING, true, "20", "1000", "CASE_FILED", "2017-11-20")), AT, DEFAULTS))
                .isEmpty();
    }

    @Test
    void aStepAfterTheDayDoesNotCountYet() {
        assertThat(found("RECEIVED", "2022-05-01", "VERIFYING", "2022-05-02", "DISMISSED", "2022-10-15")).map(Finding::colour)
                .contains(Colour.RED);
    }

    @Test
    void reRunsForLeadsOnTheDayOfTheLatestStep() {
        Lead lead = lead(Lead.ILLEGAL_FUNDRAISING, false, null, null, "RECEIVED", "2022-05-01", "VERIFYING", "2022-05-09");

        assertThat(new LeadType(null).day(lead)).isEqualTo(LocalDate.of(2022, 5, 9));
        assertThat(new IfrLeadStaleRule(null, null).affectedBy(new RecordAccepted("leads", UUID.randomUUID(), 2, null))).isTrue();
        assertThat(new IfrLeadScaleRule(null).affectedBy(new RecordAccepted("leads", UUID.randomUUID(), 2, null))).isTrue();
        assertThat(new IfrLeadScaleRule(null).affectedBy(new RecordAccepted("publicity", UUID.randomUUID(), 2, null))).isFalse();
    }
}
