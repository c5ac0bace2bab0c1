package io.cityfin.reporting.indicator;

import java.util.Objects;

/**
 * An indicator whose figure is another service's published indicator (data-standard-2.md, "Additions to the derivation
 * rules"): {@code definition} is served here, its value, year-start and year-earlier figures are those of {@code code}
 * as {@code service} publishes it through the gateway ({@code /api/v1/<service>/indicators}). While that service does
 * not answer, the indicator and every indicator derived from it are {@code null} and name the service in
 * {@code inputsUnavailable}.
 *
 * <pre>{@code
 * RecordIndicators.of(...).importing(Imported.of(PLATFORM_DIRECT_FINANCING_YTD, "capital-market", "DF_PLATFORM_YTD"))
 * }</pre>
 *
 * @param service the gateway's path segment of the publishing service, such as {@code capital-market}
 * @param code the publishing service's indicator code
 */
public record Imported(IndicatorDefinition definition, String service, String code) {

    public Imported {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(code, "code");
        if (!service.matches("[a-z][a-z-]*[a-z]") || service.endsWith("-service")) {
            throw new IllegalArgumentException("a service is named by its gateway path segment, such as capital-market: " + service);
        }
    }

    public static Imported of(IndicatorDefinition definition, String service, String code) {
        return new Imported(definition, service, code);
    }

    /** The publishing service as the indicator contract names sources, such as {@code capital-market-service}. */
    public String serviceName() {
        return service + "-service";
    }
}
