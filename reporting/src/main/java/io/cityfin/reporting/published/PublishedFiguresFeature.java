package io.cityfin.reporting.published;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import io.cityfin.reporting.Components;
import io.cityfin.reporting.demo.DemoRecords;
import io.cityfin.reporting.indicator.IndicatorService;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.Records;

/**
 * Published figures ({@code /published-figures}) on the record machinery, in every service; the demo file's
 * {@code publishedFigures} loaded after the service's other demo records.
 */
@Configuration(proxyBeanMethods = false)
@Components(".web.PublishedFigureController")
public class PublishedFiguresFeature {

    @Bean
    RecordService<PublishedFigure> publishedFigures(Records records, IndicatorService indicators, Clock clock) {
        return new RecordService<>(records, new PublishedFigureType(clock, new SheetIndicatorCodes(indicators, clock)), clock);
    }

    /** The demo file's {@code publishedFigures}, last: the indicators they name are the service's whatever its data. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    DemoRecords demoPublishedFigures(RecordService<PublishedFigure> publishedFigures) {
        return DemoRecords.created(publishedFigures, "publishedFigures", PublishedFigure.class);
    }
}
