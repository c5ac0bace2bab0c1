package io.cityfin.platform.financing;

import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import io.cityfin.common.problem.FieldError;
import io.cityfin.platform.registry.Platform;
import io.cityfin.reporting.config.ReportingAutoConfiguration;
import io.cityfin.reporting.record.RecordContext;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.RecordType;
import io.cityfin.reporting.record.Records;
import reactor.core.publisher.Mono;

/**
 * TEMPORARY — DELETE AT MERGE with the registry helper's branch, which defines the real bean {@code platforms}
 * ({@code RecordService<Platform>}, the agreed name, with the registry's rules). An auto-configuration, so that it
 * steps aside by itself ({@code @ConditionalOnMissingBean}, evaluated after every configuration of the service): until
 * the registry is merged, platform financing finds its platforms in the same collection, {@code platforms}, stored
 * without the registry's rules. The financing tests write only platforms those rules accept.
 */
@AutoConfiguration(after = ReportingAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class StandInPlatformRegistry {

    @Bean
    @ConditionalOnMissingBean(name = "platforms")
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
