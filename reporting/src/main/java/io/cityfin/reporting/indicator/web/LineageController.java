package io.cityfin.reporting.indicator.web;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.common.http.QueryParameters;
import io.cityfin.reporting.api.LineageApi;
import io.cityfin.reporting.api.model.IndicatorLineageDto;
import io.cityfin.reporting.api.model.LineageLineDto;
import io.cityfin.reporting.api.model.LineageReadingDto;
import io.cityfin.reporting.api.model.LineageRecordDto;
import io.cityfin.reporting.api.model.LineageReportDto;
import io.cityfin.reporting.api.model.LineageVersionDto;
import io.cityfin.reporting.indicator.IndicatorLineage;
import io.cityfin.reporting.indicator.IndicatorQuery;
import io.cityfin.reporting.indicator.LineageService;
import io.cityfin.reporting.record.RecordRef;
import reactor.core.publisher.Mono;

/** {@code GET /indicators/{code}/lineage}: {@code period} and {@code region} parsed as {@code /indicators} parses them. */
@RestController
class LineageController implements LineageApi {

    private final LineageService lineage;
    private final Clock clock;

    LineageController(LineageService lineage, Clock clock) {
        this.lineage = lineage;
        this.clock = clock;
    }

    @Override
    public Mono<ResponseEntity<IndicatorLineageDto>> getIndicatorLineage(String code, String period, @Nullable String region,
                                                                        ServerWebExchange exchange) {
        IndicatorQuery query = new IndicatorQuery(QueryParameters.period("period", period, clock),
                QueryParameters.region("region", region));
        return lineage.lineage(code, query).map(answer -> ResponseEntity.ok(toDto(answer)));
    }

    private static IndicatorLineageDto toDto(IndicatorLineage lineage) {
        return new IndicatorLineageDto()
                .service(lineage.service())
                .code(lineage.code())
                .nameZh(lineage.nameZh())
                .nameEn(lineage.nameEn())
                .unit(lineage.unit())
                .kind(lineage.kind())
                .period(lineage.period().toString())
                .region(lineage.region().code())
                .value(lineage.value())
                .formula(lineage.formula())
                .readings(lineage.readings().stream().map(LineageController::toDto).toList())
                .inputs(lineage.inputs().stream().map(LineageController::toDto).toList());
    }

    private static LineageReadingDto toDto(IndicatorLineage.Reading reading) {
        return new LineageReadingDto()
                .role(reading.role().name())
                .period(reading.period().toString())
                .item(reading.item())
                .total(reading.total())
                .weightedBy(reading.weightedBy())
                .reports(reading.reports().stream().map(report -> new LineageReportDto()
                        .institutionCode(report.institutionCode())
                        .institutionName(report.institutionName())
                        .version(report.version())
                        .receivedAt(report.receivedAt())
                        .contentHash(report.contentHash())
                        .lines(report.lines().stream().map(line -> new LineageLineDto()
                                .item(line.item()).region(line.region()).value(line.value()).weight(line.weight())).toList())).toList())
                .records(reading.records().stream().map(record -> new LineageRecordDto()
                        .collection(record.collection())
                        .id(record.id() == null ? null : record.id().toString())
                        .key(record.key())
                        .version(record.version())
                        .recordedAt(record.recordedAt())
                        .contentHash(record.contentHash())
                        .value(record.value())
                        .joined(record.joined().stream().map(LineageController::toDto).toList())).toList());
    }

    private static LineageVersionDto toDto(RecordRef version) {
        return new LineageVersionDto()
                .collection(version.collection())
                .id(version.id() == null ? null : version.id().toString())
                .key(version.key())
                .version(version.version())
                .recordedAt(version.recordedAt())
                .contentHash(version.contentHash());
    }
}
