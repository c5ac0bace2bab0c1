package io.cityfin.risk.alert;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import io.cityfin.common.period.Period;
import io.cityfin.reporting.demo.DemoRecords;
import reactor.core.publisher.Mono;

/**
 * The demo has no alert records: once its records are in (this loader runs last), every rule is evaluated for each
 * period of {@code alertEvaluations} in {@code classpath:demo/risk-demo.json} (2022-09), off the loader's thread. The
 * NPL rules stay UNAVAILABLE until credit answers through the gateway; the minute retry then runs them.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoAlertEvaluations implements DemoRecords {

    private final AlertTriggers triggers;

    DemoAlertEvaluations(AlertTriggers triggers) {
        this.triggers = triggers;
    }

    @Override
    public Mono<Long> load(Resource demoFile) {
        File file = DemoRecords.read(demoFile, File.class);
        return Mono.fromRunnable(() -> (file.alertEvaluations() == null ? List.<String>of() : file.alertEvaluations())
                .forEach(period -> triggers.requestAll(Period.parse(period)))).thenReturn(0L);
    }

    record File(@Nullable List<String> alertEvaluations) {
    }
}
