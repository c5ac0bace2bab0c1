package io.cityfin.risk.npl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.indicator.IndicatorQuery;
import io.cityfin.reporting.indicator.PublishedIndicators;
import io.cityfin.reporting.indicator.PublishedIndicatorsUnavailableException;
import io.cityfin.risk.alert.Finding;
import io.cityfin.risk.alert.RuleSettings;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Credit's NPL_RATIO of a month in each region asked, as credit publishes it through the gateway. Anything short of a
 * figure in every region — credit not answering, no NPL_RATIO, a suppressed one, one naming unavailable inputs — is a
 * {@link PublishedIndicatorsUnavailableException}: an NPL rule then raises and resolves nothing.
 */
public final class CreditNplRatios {

    static final String CREDIT = "credit";
    static final String NPL_RATIO = "NPL_RATIO";

    private final PublishedIndicators published;

    public CreditNplRatios(PublishedIndicators published) {
        this.published = published;
    }

    /**
     * NPL_RATIO in each of {@code regions} at {@code period}, by region code. One region after the other: once credit
     * has been down, the breaker of its published figures lets a single trial call through; calls made at once beside it
     * are refused at once, and the first refusal would cancel the trial call, so the breaker never closed again.
     */
    Mono<Map<String, IndicatorDto>> of(Period period, List<Region> regions) {
        return Flux.fromIterable(regions)
                .concatMap(region -> published.indicators(CREDIT, new IndicatorQuery(period, region))
                        .map(indicators -> Map.entry(region.code(), nplRatio(indicators, region))))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new);
    }

    /**
     * The findings of an NPL rule: each of {@code regions} whose NPL_RATIO {@code member} ({@code measure} of credit's
     * indicator) meets a threshold of {@code settings}; a null figure makes the whole rule unavailable.
     */
    Mono<List<Finding>> findings(Period period, List<Region> regions, RuleSettings settings, String member,
                                 Function<IndicatorDto, @Nullable BigDecimal> measure) {
        return of(period, regions).map(byRegion -> {
            List<Finding> findings = new ArrayList<>();
            for (Region region : regions) {
                BigDecimal value = measure.apply(byRegion.get(region.code()));
                if (value == null) {
                    throw new PublishedIndicatorsUnavailableException(CREDIT, "NPL_RATIO " + member + " of region " + region.code() + " is null");
                }
                settings.findingAtLeast(region.code(), region.nameZh(), region.code(), value).ifPresent(findings::add);
            }
            return findings;
        });
    }

    private static IndicatorDto nplRatio(List<IndicatorDto> indicators, Region region) {
        IndicatorDto found = indicators == null ? null
                : indicators.stream().filter(indicator -> NPL_RATIO.equals(indicator.getCode())).findFirst().orElse(null);
        if (found == null) {
            throw new PublishedIndicatorsUnavailableException(CREDIT, "no NPL_RATIO for region " + region.code());
        }
        if (Boolean.TRUE.equals(found.getSuppressed()) || (found.getInputsUnavailable() != null && !found.getInputsUnavailable().isEmpty())) {
            throw new PublishedIndicatorsUnavailableException(CREDIT, "NPL_RATIO of region " + region.code() + " has no figure");
        }
        return found;
    }
}
