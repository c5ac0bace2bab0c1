package io.cityfin.platform.financing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityfin.platform.registry.Platform;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.Records;

/** The temporary stand-in steps aside for the registry's own {@code platforms} bean, and stands in without it. */
class StandInPlatformRegistryTest {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(StandInPlatformRegistry.class))
            .withBean(Records.class, () -> Mockito.mock(Records.class))
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void stepsAsideForTheRegistrysPlatformsBean() {
        runner.withUserConfiguration(Registry.class).run(context -> {
            assertThat(context).hasSingleBean(RecordService.class);
            assertThat(context.getBean("platforms")).isSameAs(Registry.PLATFORMS);
        });
    }

    @Test
    void standsInWithoutIt() {
        runner.run(context -> assertThat(context.getBean("platforms", RecordService.class).type().collection()).isEqualTo("platforms"));
    }

    @Configuration(proxyBeanMethods = false)
    static class Registry {

        static final RecordService<Platform> PLATFORMS = new RecordService<>(Mockito.mock(Records.class),
                new StandInPlatformRegistry().platforms(Mockito.mock(Records.class), Clock.systemUTC()).type(), Clock.systemUTC());

        @Bean
        RecordService<Platform> platforms() {
            return PLATFORMS;
        }
    }
}
