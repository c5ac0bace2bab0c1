package io.cityfin.common.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.config.WebFluxConfigurer;

import io.cityfin.common.json.StrictJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies are read by a strict mapper ({@link StrictJson}) built like Boot's (its customizers, so every
 * {@code spring.jackson.*} setting and module) on a bounded stream factory. Only the server codecs: WebClient keeps
 * Boot's mapper. Ordered after Boot's own configurer, whose codec customizers set Boot's decoder first.
 */
final class StrictJsonCodecs implements WebFluxConfigurer, Ordered {

    private final JsonMapper strict;

    StrictJsonCodecs(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper.Builder builder = JsonMapper.builder(StrictJson.factory());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        this.strict = StrictJson.configure(builder).build();
    }

    @Override
    public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
        configurer.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(strict));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
