package io.cityfin.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import tools.jackson.databind.json.JsonMapper;

/** inputsUnavailable is written only when some input did not answer; every other member always, null when unknown. */
class IndicatorJsonTest {

    private final JsonMapper mapper = mapper();

    @Test
    void leavesOutInputsUnavailableWhenEveryInputAnsweredAndKeepsTheOtherNulls() {
        String json = mapper.writeValueAsString(new IndicatorDto().code("PLATFORM_FINANCING_YTD").value(null));

        assertThat(json).doesNotContain("inputsUnavailable").contains("\"value\":null").contains("\"yearStartValue\":null");
    }

    @Test
    void namesTheServicesThatDidNotAnswer() {
        String json = mapper.writeValueAsString(new IndicatorDto().code("PLATFORM_FINANCING_YTD").inputsUnavailable(List.of("capital-market-service")));

        assertThat(json).contains("\"inputsUnavailable\":[\"capital-market-service\"]");
        assertThat(mapper.readValue(json, IndicatorDto.class).getInputsUnavailable()).containsExactly("capital-market-service");
    }

    private static JsonMapper mapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new CityfinWebAutoConfiguration().indicatorInputsUnavailableOnlyWhenSome().customize(builder);
        return builder.build();
    }
}
