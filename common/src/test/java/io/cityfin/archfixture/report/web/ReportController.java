package io.cityfin.archfixture.report.web;

import io.cityfin.archfixture.report.ReportService;

/** Fixture: a web adapter using its own feature root (allowed). */
public class ReportController {

    long get(ReportService service) {
        return service.load();
    }
}
