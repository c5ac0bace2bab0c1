package io.cityfin.gateway.bulletin;

import java.util.List;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.Period;

/**
 * One service's indicators as a section uses them: of {@code period}, which is the bulletin's own unless its figures
 * were not complete ({@code steppedBack}); {@code complete} false when no complete month was found (the bulletin's own
 * figures are shown, said to be incomplete).
 */
public record ServiceFigures(String service, Period period, boolean steppedBack, boolean complete, List<IndicatorDto> indicators) {

    public ServiceFigures {
        indicators = List.copyOf(indicators);
    }
}
