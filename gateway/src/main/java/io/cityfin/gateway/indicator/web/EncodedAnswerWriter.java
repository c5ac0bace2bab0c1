package io.cityfin.gateway.indicator.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.config.WebFluxConfigurer;

import reactor.core.publisher.Mono;

/** Writes an {@link EncodedAnswer}'s bytes as {@code application/json}; registered in front of the default writers. */
@Component
class EncodedAnswerWriter implements HttpMessageWriter<EncodedAnswer>, WebFluxConfigurer {

    @Override
    public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
        configurer.customCodecs().register(this);
    }

    @Override
    public List<MediaType> getWritableMediaTypes() {
        return List.of(MediaType.APPLICATION_JSON);
    }

    @Override
    public boolean canWrite(ResolvableType elementType, @Nullable MediaType mediaType) {
        return EncodedAnswer.class.isAssignableFrom(elementType.toClass())
                && (mediaType == null || MediaType.APPLICATION_JSON.isCompatibleWith(mediaType));
    }

    @Override
    public Mono<Void> write(Publisher<? extends EncodedAnswer> answers, ResolvableType elementType, @Nullable MediaType mediaType,
                            ReactiveHttpOutputMessage message, Map<String, Object> hints) {
        return Mono.from(answers).flatMap(answer -> {
            message.getHeaders().setContentType(MediaType.APPLICATION_JSON);
            message.getHeaders().setContentLength(answer.json().length);
            return message.writeWith(Mono.just(message.bufferFactory().wrap(answer.json())));
        });
    }
}
