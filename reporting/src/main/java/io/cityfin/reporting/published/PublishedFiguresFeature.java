package io.cityfin.reporting.published;

import java.time.Clock;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import io.cityfin.reporting.Components;
import io.cityfin.reporting.demo.DemoRecords;
import io.cityfin.reporting.indicator.IndicatorService;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.Records;
import reactor.core.publisher.Mono;

/**
 * Published figures ({@code /published-figures}) on the record machinery, in every service; the demo file's
 * {@code publishedFigures} loaded after the service's other demo records.
 */
@Configuration(proxyBeanMethods = false)
@Components(".web.PublishedFigureController")
public class PublishedFiguresFeature {

    /** The indicator codes a figure may name are {@link IndicatorService#codes()}: the configuration's, no sheet computed. */
    @Bean
    RecordService<PublishedFigure> publishedFigures(Records records, IndicatorService indicators, Clock clock) {
        Set<String> codes = Set.copyOf(indicators.codes());
        return new RecordService<>(records, new PublishedFigureType(clock, () -> Mono.just(codes)), clock);
    }

    /** The demo file's {@code publishedFigures}, last: the indicators they name are the service's whatever its data. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    DemoRecords demoPublishedFigures(RecordService<PublishedFigure> publishedFigures) {
        return DemoRecords.created(publishedFigures, "publishedFigures", PublishedFigure.class);
    }
}
