package io.cityfin.archfixture.report;

import io.cityfin.archfixture.report.persistence.ReportRow;
import reactor.core.publisher.Mono;

/** Fixture: a feature root that breaks two rules (uses its persistence package, blocks). */
public class ReportService {

    public long load() {
        return Mono.just(new ReportRow(1)).block().id();
    }
}
