package io.cityfin.gateway.bulletin;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.gateway.indicator.SourceStatus;

/** Hand-made figures for the composer: the source document's 2022-09 figures, in the API's units. */
final class BulletinFixtures {

    static final Period SEPTEMBER = Period.month(2022, 9);
    static final Period AUGUST = Period.month(2022, 8);
    static final OffsetDateTime GENERATED = OffsetDateTime.parse("2022-10-08T01:00:00Z");

    private BulletinFixtures() {
    }

    /** 3165.87亿 at 2022-09, 2802.43亿 a year start before: +363.44亿, 12.97%. */
    static IndicatorDto deposits() {
        return stock("DEPOSIT_BALANCE", "各项存款余额（本外币）", "credit-service", "316587000000.00", "280243000000.00", "36344000000.00", "12.97");
    }

    /** 2926.07亿, +338.42亿, 13.08%. */
    static IndicatorDto loans() {
        return stock("LOAN_BALANCE", "各项贷款余额", "credit-service", "292607000000.00", "258765000000.00", "33842000000.00", "13.08");
    }

    static IndicatorDto stock(String code, String nameZh, String service, String value, String yearStart, String change, String growth) {
        return indicator(code, nameZh, service, IndicatorDto.UnitEnum.CNY, IndicatorDto.KindEnum.STOCK)
                .value(new BigDecimal(value)).yearStartValue(new BigDecimal(yearStart))
                .changeSinceYearStart(new BigDecimal(change)).growthSinceYearStartPct(new BigDecimal(growth));
    }

    /** Premiums of 2022-08, year to date: 47.52亿, +10.20% on a year earlier. */
    static IndicatorDto premiums() {
        return indicator("PREMIUM_TOTAL_YTD", "保费收入", "insurance-service", IndicatorDto.UnitEnum.CNY, IndicatorDto.KindEnum.FLOW)
                .value(new BigDecimal("4752000000.00")).yoyPct(new BigDecimal("10.20"));
    }

    static IndicatorDto indicator(String code, String nameZh, String service, IndicatorDto.UnitEnum unit, IndicatorDto.KindEnum kind) {
        return new IndicatorDto().code(code).nameZh(nameZh).nameEn(code).unit(unit).kind(kind).source(service)
                .complete(true).suppressed(false).reportingInstitutions(31).expectedInstitutions(31);
    }

    static ServiceFigures figures(String service, Period period, IndicatorDto... indicators) {
        return new ServiceFigures(service, period, !period.equals(SEPTEMBER), true, List.of(indicators));
    }

    static BulletinData september(Map<String, ServiceFigures> services) {
        return data(services, List.of(), List.of(), Map.of());
    }

    static BulletinData data(Map<String, ServiceFigures> services, List<SourceStatus> sources, List<PublishedFigure> published,
                             Map<FigureKey, BigDecimal> issued) {
        List<IndicatorDto> own = services.values().stream().flatMap(figures -> figures.indicators().stream()).toList();
        return new BulletinData(SEPTEMBER, Region.CITY, SEPTEMBER.yearElapsedPct(), GENERATED, sources, services, List.of(), published,
                own, issued, null);
    }

    static PublishedFigure depositGrowthPrinted(String value) {
        return new PublishedFigure("credit-service", "DEPOSIT_BALANCE", "growthSinceYearStartPct", "2022-09", "361000",
                new BigDecimal(value), new BigDecimal("0.01"), value + "%", "2022年金融工作总结");
    }

    /** The bulletin's text as a reader sees it: tags dropped, entities read. */
    static String text(String html) {
        return html.replaceAll("<style>[^<]*</style>", "").replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
