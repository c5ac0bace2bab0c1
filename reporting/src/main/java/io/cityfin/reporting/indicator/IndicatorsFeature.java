package io.cityfin.reporting.indicator;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.cityfin.reporting.Components;

/**
 * The indicator contract ({@code /indicators}) over every {@link IndicatorSource} bean: on in every service that has
 * the machinery, with the records' source ({@link RecordIndicatorSource}). The reports' source
 * ({@link ReportIndicatorSource}) comes with the reports feature; a service may add its own. Figures imported from
 * other services' published indicators are read through the gateway ({@link PublishedIndicators}). The answer's ETag
 * names the database's {@link DataVersion}. A 200 for a tag answered lately is served from {@link KeptSheets}. {@code /indicators/{code}/lineage} ({@link LineageService}) lists what a
 * figure is made of.
 */
@Configuration(proxyBeanMethods = false)
@Import({IndicatorDefinitions.class, IndicatorService.class, KeptSheets.class, RecordIndicatorSource.class, LineageService.class})
@Components({".web.IndicatorController", ".client.GatewayPublishedIndicators", ".persistence.R2dbcDataVersion",
        ".web.LineageController", ".persistence.R2dbcReportLineage"})
public class IndicatorsFeature {
}
