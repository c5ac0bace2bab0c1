package io.cityfin.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.catalogue.Item;
import io.cityfin.reporting.catalogue.Kind;
import io.cityfin.reporting.catalogue.Unit;

class WarningChecksTest {

    private final Catalogue catalogue = new Catalogue("test", List.of(
            new Item("DEPOSIT_BALANCE", "存款", "Deposits", Unit.CNY, Kind.STOCK, true, true),
            new Item("RELIEF_YTD", "纾困", "Relief", Unit.CNY, Kind.FLOW, false, true)), Set.of("BANK"));

    @Test
    void warnsWhenAnInstitutionTotalMovesMoreThanThirtyPercentOverItsRegions() {
        ReportVersion august = version("2022-08", line("DEPOSIT_BALANCE", Region.LINCHUAN, "600"), line("DEPOSIT_BALANCE", Region.JINXI, "400"));
        // 1000 -> 1301 is +30.1%; split differently over the regions
        List<ReportLine> september = List.of(line("DEPOSIT_BALANCE", Region.LINCHUAN, "1301"));

        assertThat(WarningChecks.check(september, august, august, catalogue))
                .extracting(ReportWarning::code, ReportWarning::pointer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MOVED_OVER_30_PCT", "/lines/0"));
    }

    @Test
    void acceptsAMoveOfExactlyThirtyPercentAndAnythingAfterAZeroTotal() {
        ReportVersion august = version("2022-08", line("DEPOSIT_BALANCE", Region.LINCHUAN, "1000"), line("RELIEF_YTD", Region.LINCHUAN, "0"));
        List<ReportLine> september = List.of(line("DEPOSIT_BALANCE", Region.LINCHUAN, "700"), line("RELIEF_YTD", Region.LINCHUAN, "5"));

        assertThat(WarningChecks.check(september, august, august, catalogue)).isEmpty();
    }

    @Test
    void warnsWhenAYearToDateFigureFallsAndWhenAnItemGoesMissing() {
        ReportVersion august = version("2022-08", line("DEPOSIT_BALANCE", Region.LINCHUAN, "1000"), line("RELIEF_YTD", Region.LINCHUAN, "50"));
        List<ReportLine> september = List.of(line("RELIEF_YTD", Region.LINCHUAN, "49.99"));

        assertThat(WarningChecks.check(september, august, august, catalogue)).extracting(ReportWarning::code)
                .containsExactlyInAnyOrder("YTD_DECREASED", "ITEM_MISSING");
    }

    @Test
    void comparesYearToDateFiguresOnlyWithinTheYear() {
        ReportVersion december = version("2021-12", line("RELIEF_YTD", Region.LINCHUAN, "50"));
        List<ReportLine> january = List.of(line("RELIEF_YTD", Region.LINCHUAN, "40"));

        assertThat(WarningChecks.check(january, december, null, catalogue)).isEmpty();
    }

    @Test
    void warnsWhenACumulativeItemFallsBelowThePreviousMonthAcrossTheYearEnd() {
        Catalogue withCumulative = new Catalogue("test", List.of(
                new Item("SERVED_CUM", "累计帮扶企业", "Enterprises served", Unit.HOUSEHOLD, Kind.STOCK, false, true, true),
                new Item("OUTSTANDING", "余额", "Outstanding", Unit.CNY, Kind.STOCK, false, true)), Set.of("GUARANTOR"));
        ReportVersion december = version("2021-12", line("SERVED_CUM", Region.LINCHUAN, "300"), line("OUTSTANDING", Region.LINCHUAN, "100"));
        // 300 -> 299 is cumulative and fell; OUTSTANDING is a plain stock and may fall
        List<ReportLine> january = List.of(line("OUTSTANDING", Region.LINCHUAN, "90"), line("SERVED_CUM", Region.LINCHUAN, "299"));

        assertThat(WarningChecks.check(january, december, null, december, withCumulative))
                .extracting(ReportWarning::code, ReportWarning::pointer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CUMULATIVE_DECREASED", "/lines/1"));
        assertThat(WarningChecks.check(List.of(line("SERVED_CUM", Region.LINCHUAN, "300"), line("OUTSTANDING", Region.LINCHUAN, "100")),
                december, null, december, withCumulative)).isEmpty();
    }

    private static ReportLine line(String item, Region region, String value) {
        return new ReportLine(item, region, new BigDecimal(value));
    }

    private static ReportVersion version(String period, ReportLine... lines) {
        return new ReportVersion("91361000BANK000001", Period.parse(period), 1, "hash", ReportStatus.ACCEPTED, OffsetDateTime.now(),
                "key", null, List.of(lines), List.of());
    }
}
