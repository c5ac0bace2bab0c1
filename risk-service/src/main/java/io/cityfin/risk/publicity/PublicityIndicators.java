package io.cityfin.risk.publicity;

import static io.cityfin.reporting.catalogue.Kind.FLOW;
import static io.cityfin.reporting.catalogue.Unit.COUNT;
import static io.cityfin.reporting.catalogue.Unit.PERSON;
import static io.cityfin.reporting.indicator.RecordRows.measured;

import io.cityfin.reporting.indicator.IndicatorDefinition;
import io.cityfin.reporting.indicator.RecordIndicators;
import io.cityfin.reporting.indicator.RecordRows;

/**
 * The publicity indicators (data-standard-2.md, "Risk indicators"), in the record's region (a city-wide record, 361000,
 * counts in the city only): records held in D's year.
 */
public final class PublicityIndicators {

    public static final IndicatorDefinition EVENTS = measured("AIF_PUBLICITY_EVENTS_YTD", "“七进”宣传活动",
            "Anti-illegal-fundraising publicity events, year to date", COUNT, FLOW);
    public static final IndicatorDefinition SETTINGS = measured("AIF_PUBLICITY_SETTINGS_YTD", "已覆盖场景",
            "Settings (of the seven) the year's publicity events reached", COUNT, FLOW);
    public static final IndicatorDefinition REACH = measured("AIF_PUBLICITY_REACH_PERSONS_YTD", "覆盖人数",
            "Persons reached by publicity, year to date", PERSON, FLOW);
    public static final IndicatorDefinition MATERIALS = measured("AIF_MATERIALS_DISTRIBUTED_YTD", "发放宣传品",
            "Publicity materials distributed, year to date", COUNT, FLOW);
    public static final IndicatorDefinition SMS = measured("AIF_SMS_SENT_YTD", "宣传短信",
            "Publicity text messages sent, year to date", COUNT, FLOW);

    private PublicityIndicators() {
    }

    public static RecordIndicators on(RecordRows<Publicity> records) {
        return RecordIndicators.of(
                records.countInYear(EVENTS, Publicity::heldDay).when(Publicity::isEvent).region(Publicity::region),
                records.countInYear(SETTINGS, Publicity::heldDay).when(Publicity::isEvent).distinct(Publicity::setting).region(Publicity::region),
                records.sumInYear(REACH, Publicity::heldDay, Publicity::personsReached).region(Publicity::region),
                records.sumInYear(MATERIALS, Publicity::heldDay, Publicity::materialsDistributed).region(Publicity::region),
                records.sumInYear(SMS, Publicity::heldDay, Publicity::smsSent).region(Publicity::region));
    }
}
