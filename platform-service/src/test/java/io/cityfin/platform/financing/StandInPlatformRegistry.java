package io.cityfin.platform.financing;

import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityfin.common.problem.FieldError;
import io.cityfin.platform.registry.Platform;
import io.cityfin.reporting.record.RecordContext;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.RecordType;
import io.cityfin.reporting.record.Records;
import reactor.core.publisher.Mono;

/**
 * TEMPORARY, test only — DELETE AT MERGE with the registry helper's branch, which defines the real bean
 * {@code platforms} ({@code RecordService<Platform>}, the agreed name). Until then the financing feature's tests need
 * platforms to exist: this stand-in stores them in the same collection without the registry's rules. The tests write
 * only platforms the registry's rules accept, so they pass unchanged on the real bean.
 */
@Configuration(proxyBeanMethods = false)
class StandInPlatformRegistry {

    @Bean
    RecordService<Platform> platforms(Records records, Clock clock) {
        return new RecordService<>(records, new RecordType<>() {
            @Override
            public String collection() {
                return "platforms";
            }

            @Override
            public Class<Platform> contentType() {
                return Platform.class;
            }

            @Override
            public Mono<List<FieldError>> faults(Platform content, RecordContext context) {
                return Mono.just(List.of());
            }

            @Override
            public @Nullable String region(Platform content) {
                return content.region();
            }

            @Override
            public @Nullable String owner(Platform content) {
                return null;
            }
        }, clock);
    }
}
