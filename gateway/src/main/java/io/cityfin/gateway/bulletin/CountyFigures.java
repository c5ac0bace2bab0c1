package io.cityfin.gateway.bulletin;

import java.util.List;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.region.Region;

/** A county's credit indicators, for the county reading of a city bulletin. */
public record CountyFigures(Region region, List<IndicatorDto> indicators) {

    public CountyFigures {
        indicators = List.copyOf(indicators);
    }
}
