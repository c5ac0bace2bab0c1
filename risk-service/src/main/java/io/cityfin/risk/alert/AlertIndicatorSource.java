package io.cityfin.risk.alert;

import static io.cityfin.reporting.catalogue.Kind.STOCK;
import static io.cityfin.reporting.catalogue.Unit.COUNT;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.Period;
import io.cityfin.reporting.indicator.Coverage;
import io.cityfin.reporting.indicator.FigurePeriods;
import io.cityfin.reporting.indicator.Figures;
import io.cityfin.reporting.indicator.IndicatorCalculator;
import io.cityfin.reporting.indicator.IndicatorDefinition;
import io.cityfin.reporting.indicator.IndicatorQuery;
import io.cityfin.reporting.indicator.IndicatorSource;
import io.cityfin.reporting.indicator.MapFigures;
import io.cityfin.reporting.indicator.RecordIndicatorSource;
import io.cityfin.reporting.indicator.RecordRows;
import reactor.core.publisher.Flux;

/**
 * ALERTS_OPEN_{RED,ORANGE,YELLOW}_COUNT (STOCK, COUNT): the alerts of the period asked that are open now (OPEN or
 * ACKNOWLEDGED; an alert evaluated today for an old period counts there), by the alert's region (the city: all). The
 * year-start and year-earlier figures are those periods' alerts open now. SUBMITTER and PORTAL callers see them
 * city-wide only: a region view is {@code suppressed} for them.
 */
@Component
class AlertIndicatorSource implements IndicatorSource {

    static final String SOURCE = "risk-service";
    static final Map<Colour, IndicatorDefinition> DEFINITIONS = Map.of(
            Colour.RED, RecordRows.measured("ALERTS_OPEN_RED_COUNT", "未关闭红色预警", "Open red alerts", COUNT, STOCK),
            Colour.ORANGE, RecordRows.measured("ALERTS_OPEN_ORANGE_COUNT", "未关闭橙色预警", "Open orange alerts", COUNT, STOCK),
            Colour.YELLOW, RecordRows.measured("ALERTS_OPEN_YELLOW_COUNT", "未关闭黄色预警", "Open yellow alerts", COUNT, STOCK));

    private final Alerts alerts;

    AlertIndicatorSource(Alerts alerts) {
        this.alerts = alerts;
    }

    /** The three colours' codes, whatever the alerts. */
    @Override
    public List<String> codes() {
        return Arrays.stream(Colour.values()).map(colour -> DEFINITIONS.get(colour).code()).toList();
    }

    @Override
    public Flux<IndicatorDto> indicators(IndicatorQuery query) {
        FigurePeriods periods = FigurePeriods.of(query.period());
        boolean regional = !query.region().isCity();
        return RecordIndicatorSource.cityWideOnlyWithheld(query)
                .flatMapMany(withheld -> alerts.openOf(periods.existing().toList())
                        .filter(alert -> !regional || alert.region().equals(query.region().code()))
                        .collectList()
                        .flatMapMany(open -> Flux.fromArray(Colour.values()).map(colour -> IndicatorCalculator.compute(DEFINITIONS.get(colour),
                                query.period(), periods.figures(period -> figures(open, period, colour)), null, Coverage.none(),
                                withheld, SOURCE))));
    }

    private static Figures figures(List<Alert> open, Period period, Colour colour) {
        long count = open.stream().filter(alert -> alert.period().equals(period) && alert.colour() == colour).count();
        return MapFigures.of(Map.of(DEFINITIONS.get(colour).code(), BigDecimal.valueOf(count)));
    }
}
