package io.cityfin.risk.lead;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import io.cityfin.reporting.demo.DemoRecords;
import io.cityfin.reporting.record.RecordService;

/**
 * The demo leads and cases ({@code leads} of {@code classpath:demo/risk-demo.json}, data-standard-2.md "Demo data"),
 * created through the use case; one whose content is already stored is not created again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20) // after the organisations, before the demo's alert evaluation (last)
class DemoLeads implements DemoRecords {

    private final RecordService<Lead> leads;

    DemoLeads(RecordService<Lead> leads) {
        this.leads = leads;
    }

    @Override
    public reactor.core.publisher.Mono<Long> load(Resource demoFile) {
        List<Lead> wanted = DemoRecords.read(demoFile, File.class).leads();
        return leads.createMissing(null, wanted == null ? List.of() : wanted);
    }

    record File(List<Lead> leads) {
    }
}
