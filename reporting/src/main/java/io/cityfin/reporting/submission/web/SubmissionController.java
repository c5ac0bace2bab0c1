package io.cityfin.reporting.submission.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.reporting.api.SubmissionApi;
import io.cityfin.reporting.api.model.SubmissionDto;
import io.cityfin.reporting.api.model.SubmissionsDto;
import io.cityfin.reporting.submission.LatestVersion;
import io.cityfin.reporting.submission.Submission;
import io.cityfin.reporting.submission.SubmissionService;
import io.cityfin.reporting.submission.SubmissionSheet;
import reactor.core.publisher.Mono;

@RestController
class SubmissionController implements SubmissionApi {

    private final SubmissionService submissions;

    SubmissionController(SubmissionService submissions) {
        this.submissions = submissions;
    }

    @Override
    public Mono<ResponseEntity<SubmissionsDto>> getSubmissions(String period, ServerWebExchange exchange) {
        return submissions.submissions(period).map(sheet -> ResponseEntity.ok(toDto(sheet)));
    }

    private static SubmissionsDto toDto(SubmissionSheet sheet) {
        return new SubmissionsDto()
                .period(sheet.period().toString())
                .reportPeriod(sheet.reportPeriod().toString())
                .expected(sheet.expected())
                .submitted(sheet.submitted())
                .missing(sheet.missing())
                .institutions(sheet.rows().stream().map(SubmissionController::toDto).toList());
    }

    private static SubmissionDto toDto(Submission row) {
        LatestVersion latest = row.latest();
        return new SubmissionDto()
                .institutionCode(row.institutionCode())
                .institutionName(row.institutionName())
                .status(row.status().name())
                .version(latest == null ? null : latest.version())
                .receivedAt(latest == null ? null : latest.receivedAt())
                .versionStatus(latest == null ? null : latest.status().name());
    }
}
