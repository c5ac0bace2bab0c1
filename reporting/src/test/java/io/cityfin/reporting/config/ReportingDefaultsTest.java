package io.cityfin.reporting.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** reporting's defaults sit between the app's own settings and common's, whichever post-processor runs first. */
class ReportingDefaultsTest {

    private static final String LOCATIONS = "spring.flyway.locations";
    private static final String READINESS = "management.endpoint.health.group.readiness.include";

    @Test
    void addsTheMachinerysMigrationsAndReadinessInFrontOfCommonsDefaults() {
        MockEnvironment environment = new MockEnvironment();
        environment.getPropertySources().addLast(commonDefaults());

        new ReportingDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(LOCATIONS)).isEqualTo("classpath:db/migration,classpath:db/reporting");
        assertThat(environment.getProperty(READINESS)).isEqualTo("readinessState,r2dbc,demoData");
        assertThat(environment.getProperty("cityfin.reporting.reports.enabled", Boolean.class)).isTrue();
        assertThat(environment.getPropertySources().precedenceOf(environment.getPropertySources().get(ReportingDefaults.NAME)))
                .isLessThan(environment.getPropertySources().precedenceOf(environment.getPropertySources().get(ReportingDefaults.COMMON_DEFAULTS)));
    }

    @Test
    void staysInFrontOfCommonsDefaultsWhenItRunsFirst() {
        MockEnvironment environment = new MockEnvironment();

        new ReportingDefaults().postProcessEnvironment(environment, new SpringApplication());
        environment.getPropertySources().addLast(commonDefaults());

        assertThat(environment.getProperty(READINESS)).isEqualTo("readinessState,r2dbc,demoData");
    }

    @Test
    void letsTheAppsOwnSettingsWin() {
        MockEnvironment environment = new MockEnvironment();
        environment.setProperty("cityfin.reporting.reports.enabled", "false");
        environment.getPropertySources().addLast(commonDefaults());

        new ReportingDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("cityfin.reporting.reports.enabled", Boolean.class)).isFalse();
    }

    private static MapPropertySource commonDefaults() {
        return new MapPropertySource(ReportingDefaults.COMMON_DEFAULTS,
                Map.of(LOCATIONS, "classpath:db/migration", READINESS, "readinessState,r2dbc"));
    }
}
