package io.cityfin.insurance.investment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.Period;
import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.indicator.Coverage;
import io.cityfin.reporting.indicator.FigurePeriods;
import io.cityfin.reporting.indicator.Figures;
import io.cityfin.reporting.indicator.IndicatorCalculator;
import io.cityfin.reporting.indicator.IndicatorDefinition;
import io.cityfin.reporting.indicator.IndicatorQuery;
import io.cityfin.reporting.indicator.IndicatorSource;
import io.cityfin.reporting.indicator.IndicatorTargets;
import io.cityfin.reporting.indicator.MapFigures;
import io.cityfin.reporting.indicator.PeriodFigures;
import io.cityfin.reporting.indicator.Target;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.StoredRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * INSURANCE_FUNDS_INVESTED_YTD (FLOW: Σ amount of the latest ACTIVE versions dated from 1 January to the period's last
 * day) and INSURANCE_FUNDS_INVESTED_TOTAL (STOCK: Σ of all dated up to the period's last day), whenever they were
 * recorded; {@code region=R} filters on the investment's region. Record-based: no coverage, no disclosure control;
 * the city figure carries the year's target.
 */
@Component
class InvestmentIndicatorSource implements IndicatorSource {

    private final RecordService<Investment> investments;
    private final IndicatorTargets targets;
    private final Catalogue catalogue;

    InvestmentIndicatorSource(RecordService<Investment> investments, IndicatorTargets targets, Catalogue catalogue) {
        this.investments = investments;
        this.targets = targets;
        this.catalogue = catalogue;
    }

    @Override
    public Flux<IndicatorDto> indicators(IndicatorQuery query) {
        Period asked = query.period();
        FigurePeriods periods = FigurePeriods.of(asked);
        Mono<List<Investment>> active = investments.active().map(StoredRecord::content)
                .filter(investment -> query.region().isCity() || query.region().code().equals(investment.region()))
                .collectList();
        Mono<List<Target>> yearTargets = query.region().isCity() ? targets.forYear(asked.year()) : Mono.just(List.of());
        return Mono.zip(active, yearTargets).flatMapMany(both -> {
            List<Investment> counted = both.getT1();
            PeriodFigures figures = periods.figures(period -> figures(counted, period));
            return Flux.just(InvestmentConfiguration.INVESTED_YTD, InvestmentConfiguration.INVESTED_TOTAL)
                    .map(definition -> IndicatorCalculator.compute(definition, asked, figures, target(both.getT2(), definition),
                            Coverage.none(), false, catalogue.service()));
        });
    }

    /** Both sums at the period's last day D: dated from 1 January of D's year to D, and dated up to D. */
    static Figures figures(List<Investment> investments, Period period) {
        LocalDate last = period.lastDay();
        LocalDate yearStart = LocalDate.of(last.getYear(), 1, 1);
        BigDecimal ytd = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (Investment investment : investments) {
            LocalDate day = investment.day().orElse(null);
            if (day == null || investment.amount() == null || day.isAfter(last)) {
                continue;
            }
            total = total.add(investment.amount());
            if (!day.isBefore(yearStart)) {
                ytd = ytd.add(investment.amount());
            }
        }
        return MapFigures.of(Map.of(InvestmentConfiguration.INVESTED_YTD.code(), ytd,
                InvestmentConfiguration.INVESTED_TOTAL.code(), total));
    }

    private static Target target(List<Target> targets, IndicatorDefinition definition) {
        return targets.stream().filter(t -> t.indicator().equals(definition.code())).findFirst().orElse(null);
    }
}
