package io.cityfin.reporting.report.web;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.common.http.IfMatch;
import io.cityfin.reporting.api.ReportApi;
import io.cityfin.reporting.api.model.LineDto;
import io.cityfin.reporting.api.model.NewReportDto;
import io.cityfin.reporting.api.model.ReceiptDto;
import io.cityfin.reporting.api.model.ReportVersionDto;
import io.cityfin.reporting.api.model.VersionSummaryDto;
import io.cityfin.reporting.api.model.WarningDto;
import io.cityfin.reporting.report.ReportLine;
import io.cityfin.reporting.report.ReportService;
import io.cityfin.reporting.report.ReportVersion;
import io.cityfin.reporting.report.ReportWarning;
import io.cityfin.reporting.report.Reports;
import io.cityfin.reporting.report.SubmittedLine;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class ReportController implements ReportApi {

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public Mono<ResponseEntity<ReceiptDto>> putReport(String institutionCode, String period, Mono<NewReportDto> body,
                                                     @Nullable String ifMatch, ServerWebExchange exchange) {
        IfMatch precondition = IfMatch.parse(ifMatch);
        return body
                .map(dto -> dto.getLines().stream()
                        .map(line -> line == null ? new SubmittedLine(null, null, null)
                                : new SubmittedLine(line.getItem(), line.getRegion(), line.getValue()))
                        .toList())
                .flatMap(lines -> reports.submit(institutionCode, period, lines, precondition))
                .map(ReportController::receipt);
    }

    @Override
    public Mono<ResponseEntity<ReceiptDto>> withdrawReport(String institutionCode, String period, @Nullable String ifMatch,
                                                          ServerWebExchange exchange) {
        return reports.withdraw(institutionCode, period, IfMatch.parse(ifMatch)).map(ReportController::receipt);
    }

    @Override
    public Mono<ResponseEntity<ReportVersionDto>> getReport(String institutionCode, String period, ServerWebExchange exchange) {
        return reports.latest(institutionCode, period).map(version -> ResponseEntity.ok().eTag(IfMatch.etag(version.version()))
                .body(toDto(version)));
    }

    @Override
    public Mono<ResponseEntity<ReportVersionDto>> getReportVersion(String institutionCode, String period, Integer version,
                                                                  ServerWebExchange exchange) {
        return reports.version(institutionCode, period, version).map(found -> ResponseEntity.ok().eTag(IfMatch.etag(found.version()))
                .body(toDto(found)));
    }

    @Override
    public Mono<ResponseEntity<Flux<VersionSummaryDto>>> listReportVersions(String institutionCode, String period,
                                                                           ServerWebExchange exchange) {
        return Mono.just(ResponseEntity.ok(reports.versions(institutionCode, period).map(version -> new VersionSummaryDto()
                .version(version.version())
                .contentHash(version.contentHash())
                .status(version.status().name())
                .receivedAt(version.receivedAt())
                .submittedBy(version.submittedBy())
                .submittedFor(version.submittedFor()))));
    }

    private static ResponseEntity<ReceiptDto> receipt(Reports.Appended appended) {
        ReportVersion version = appended.version();
        return ResponseEntity.status(appended.created() ? HttpStatus.CREATED : HttpStatus.OK).eTag(IfMatch.etag(version.version()))
                .body(new ReceiptDto()
                .institutionCode(version.institutionCode())
                .period(version.period().toString())
                .version(version.version())
                .contentHash(version.contentHash())
                .receivedAt(version.receivedAt())
                .status(version.status().name())
                .warnings(warnings(version.warnings())));
    }

    private static ReportVersionDto toDto(ReportVersion version) {
        return new ReportVersionDto()
                .institutionCode(version.institutionCode())
                .period(version.period().toString())
                .version(version.version())
                .contentHash(version.contentHash())
                .status(version.status().name())
                .receivedAt(version.receivedAt())
                .submittedBy(version.submittedBy())
                .submittedFor(version.submittedFor())
                .lines(version.lines().stream().map(ReportController::toDto).toList())
                .warnings(warnings(version.warnings()));
    }

    private static LineDto toDto(ReportLine line) {
        // as sent, without the storage scale's trailing zeros, and never in exponent form (1000, not 1E+3)
        return new LineDto().item(line.item()).region(line.region().code())
                .value(new BigDecimal(line.value().stripTrailingZeros().toPlainString()));
    }

    private static List<WarningDto> warnings(List<ReportWarning> warnings) {
        return warnings.stream().map(w -> new WarningDto().code(w.code()).pointer(w.pointer()).message(w.message())).toList();
    }
}
