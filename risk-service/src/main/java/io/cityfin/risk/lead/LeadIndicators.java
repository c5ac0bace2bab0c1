package io.cityfin.risk.lead;

import static io.cityfin.reporting.catalogue.Kind.FLOW;
import static io.cityfin.reporting.catalogue.Kind.STOCK;
import static io.cityfin.reporting.catalogue.Unit.CNY;
import static io.cityfin.reporting.catalogue.Unit.COUNT;
import static io.cityfin.reporting.catalogue.Unit.PERSON;
import static io.cityfin.reporting.indicator.RecordRows.measured;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.cityfin.reporting.indicator.IndicatorDefinition;
import io.cityfin.reporting.indicator.RecordIndicators;
import io.cityfin.reporting.indicator.RecordRows;

/**
 * The lead and case indicators (data-standard-2.md, "Risk indicators"), in the lead's region, city-wide only for
 * SUBMITTER and PORTAL callers. "Received" is the first step's day (RECEIVED); a legacy case starting at CASE_FILED
 * was never received here. The AIF_ indicators count ILLEGAL_FUNDRAISING leads, the LENDING_ ones ILLEGAL_LENDING.
 */
public final class LeadIndicators {

    public static final IndicatorDefinition LENDING_LEADS = measured("LENDING_CHAOS_LEADS_YTD", "放贷领域乱点乱象线索",
            "Illegal-lending leads received, year to date", COUNT, FLOW);
    public static final IndicatorDefinition LENDING_FILED = measured("LENDING_CHAOS_LEADS_FILED_YTD", "放贷领域乱点乱象线索（公安已立案）",
            "Illegal-lending leads filed as police cases, year to date", COUNT, FLOW);
    public static final IndicatorDefinition LENDING_PERSONS = measured("LENDING_CASE_PERSONS_INVOLVED_YTD", "涉案人数",
            "Persons involved in the illegal-lending cases filed, year to date", PERSON, FLOW);
    public static final IndicatorDefinition LENDING_AMOUNT = measured("LENDING_CASE_AMOUNT_INVOLVED_YTD", "涉案金额",
            "Amount involved in the illegal-lending cases filed, year to date", CNY, FLOW);
    public static final IndicatorDefinition AIF_LEADS = measured("AIF_LEADS_YTD", "非法集资线索",
            "Illegal-fundraising leads received, year to date", COUNT, FLOW);
    public static final IndicatorDefinition AIF_FILED = measured("AIF_CASES_FILED_YTD", "非法集资立案",
            "Illegal-fundraising cases filed (not legacy), year to date", COUNT, FLOW);
    public static final IndicatorDefinition AIF_DISPOSED_WITHOUT_CASE = measured("AIF_DISPOSED_WITHOUT_CASE_YTD", "未立案即处置的风险",
            "Illegal-fundraising risks disposed of without a case, year to date", COUNT, FLOW);
    public static final IndicatorDefinition AIF_LOSS_RECOVERED = measured("AIF_LOSS_RECOVERED_YTD", "挽回群众损失",
            "Losses recovered for the public on illegal-fundraising leads disposed of, year to date", CNY, FLOW);
    public static final IndicatorDefinition LEGACY_REMAINING = measured("LEGACY_IFR_CASES_REMAINING", "剩余陈案",
            "Legacy illegal-fundraising cases remaining", COUNT, STOCK);
    public static final IndicatorDefinition LEGACY_CLOSED = measured("LEGACY_IFR_CASES_CLOSED_YTD", "陈案处置",
            "Legacy illegal-fundraising cases disposed of, year to date", COUNT, FLOW);

    private LeadIndicators() {
    }

    /** Every lead indicator on {@code leads}, city-wide only for SUBMITTER and PORTAL. */
    public static RecordIndicators on(RecordRows<Lead> leads) {
        return RecordIndicators.of(
                leads.countInYear(LENDING_LEADS, Lead::receivedOn).when(lead -> lead.is(Lead.ILLEGAL_LENDING)).region(Lead::region),
                leads.countInYear(LENDING_FILED, LeadIndicators::filedOn).when(lead -> lead.is(Lead.ILLEGAL_LENDING)).region(Lead::region),
                leads.sumInYear(LENDING_PERSONS, LeadIndicators::filedOn, Lead::personsInvolved).when(lead -> lead.is(Lead.ILLEGAL_LENDING))
                        .region(Lead::region),
                leads.sumInYear(LENDING_AMOUNT, LeadIndicators::filedOn, Lead::amountInvolved).when(lead -> lead.is(Lead.ILLEGAL_LENDING))
                        .region(Lead::region),
                leads.countInYear(AIF_LEADS, Lead::receivedOn).when(lead -> lead.is(Lead.ILLEGAL_FUNDRAISING)).region(Lead::region),
                leads.countInYear(AIF_FILED, LeadIndicators::filedOn).when(lead -> lead.is(Lead.ILLEGAL_FUNDRAISING) && !lead.isLegacy())
                        .region(Lead::region),
                leads.countInYear(AIF_DISPOSED_WITHOUT_CASE, Lead::disposedWithoutCaseOn).when(lead -> lead.is(Lead.ILLEGAL_FUNDRAISING))
                        .region(Lead::region),
                leads.sumInYear(AIF_LOSS_RECOVERED, LeadIndicators::disposedOn, Lead::lossRecovered)
                        .when(lead -> lead.is(Lead.ILLEGAL_FUNDRAISING)).region(Lead::region),
                leads.count(LEGACY_REMAINING, LeadIndicators::legacyOpenAt).when(lead -> lead.is(Lead.ILLEGAL_FUNDRAISING) && lead.isLegacy())
                        .region(Lead::region),
                leads.countInYear(LEGACY_CLOSED, LeadIndicators::disposedOn).when(lead -> lead.is(Lead.ILLEGAL_FUNDRAISING) && lead.isLegacy())
                        .region(Lead::region))
                .cityWideOnly();
    }

    private static @Nullable LocalDate filedOn(Lead lead) {
        return lead.reachedOn(LeadStatus.CASE_FILED);
    }

    private static @Nullable LocalDate disposedOn(Lead lead) {
        return lead.reachedOn(LeadStatus.DISPOSED);
    }

    /** A legacy case known at D and neither disposed of nor dismissed then. */
    private static boolean legacyOpenAt(Lead lead, LocalDate day) {
        String status = lead.statusAt(day);
        return status != null && !LeadStatus.CLOSED.contains(status);
    }
}
