package io.cityfin.common.config;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import io.cityfin.common.identity.RefusalCounter;
import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.CityClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.cityfin.common.problem.ProblemWebExceptionHandler;
import io.cityfin.common.http.OpenApiDocuments;
import io.cityfin.common.http.ParameterCheck;
import io.cityfin.common.http.StrictNumbers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared web defaults: the city clock, problem answers for every error (403s counted), the published contracts,
 * strict bounded request bodies and the check of path and query parameters.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class CityfinWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock cityClock() {
        return CityClock.system();
    }

    @Bean
    @ConditionalOnMissingBean
    RefusalCounter refusalCounter(ObjectProvider<MeterRegistry> registry) {
        return new RefusalCounter(registry.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemWebExceptionHandler problemWebExceptionHandler(JsonMapper jsonMapper, RefusalCounter refusals) {
        return new ProblemWebExceptionHandler(jsonMapper, status -> {
            if (status == 403) {
                refusals.count(RefusalCounter.Reason.FORBIDDEN);
            }
        });
    }

    @Bean
    @ConditionalOnMissingBean
    OpenApiDocuments openApiDocuments() {
        return OpenApiDocuments.fromClasspath(getClass().getClassLoader());
    }

    /**
     * An indicator's {@code inputsUnavailable} is left out when every input answered (indicators.yaml); every other
     * member of the contract is always present, {@code null} when unknown.
     */
    @Bean
    JsonMapperBuilderCustomizer indicatorInputsUnavailableOnlyWhenSome() {
        return builder -> builder.addMixIn(IndicatorDto.class, IndicatorDtoMixin.class);
    }

    @Bean
    WebFluxConfigurer strictJsonCodecs(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        return new StrictJsonCodecs(customizers);
    }

    /** Whole-number parameters in decimal digits only (Spring's converters also read 0x10 and #10). */
    @Bean
    StrictNumbers strictNumbers() {
        return new StrictNumbers();
    }

    @Bean
    @ConditionalOnMissingBean
    ParameterCheck parameterCheck(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        return new ParameterCheck(mappings);
    }

    @Bean
    RouterFunction<ServerResponse> openApiRoutes(OpenApiDocuments documents) {
        return documents.routes();
    }
}
