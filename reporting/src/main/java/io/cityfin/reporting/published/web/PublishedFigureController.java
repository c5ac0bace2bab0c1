package io.cityfin.reporting.published.web;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.common.http.QueryParameters;
import io.cityfin.common.problem.InvalidParameterException;
import io.cityfin.reporting.api.PublishedFigureApiRecords;
import io.cityfin.reporting.api.model.PublishedFigureContentDto;
import io.cityfin.reporting.api.model.PublishedFigureDto;
import io.cityfin.reporting.api.model.PublishedFigureWarningDto;
import io.cityfin.reporting.published.PublishedFigure;
import io.cityfin.reporting.record.RecordApi;
import io.cityfin.reporting.record.RecordDto;
import io.cityfin.reporting.record.RecordEndpoints;
import io.cityfin.reporting.record.RecordQuery;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.RecordStatus;
import io.cityfin.reporting.record.StoredRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class PublishedFigureController implements PublishedFigureApiRecords {

    private static final String ALL = "ALL";

    private final RecordEndpoints<PublishedFigure, PublishedFigureDto> figures;
    private final RecordApi<PublishedFigureContentDto, PublishedFigureDto> figuresApi;
    private final Clock clock;

    PublishedFigureController(RecordService<PublishedFigure> publishedFigures, Clock clock) {
        this.figures = RecordEndpoints.of(publishedFigures, PublishedFigureController::dto);
        this.figuresApi = this.figures.taking(PublishedFigureController::content, PublishedFigureContentDto::getStatus);
        this.clock = clock;
    }

    @Override
    public RecordApi<PublishedFigureContentDto, PublishedFigureDto> publishedFigures() {
        return figuresApi;
    }

    /** ACTIVE ones unless {@code status} is WITHDRAWN or ALL; {@code region=361000} lists the city's figures only. */
    @Override
    public Mono<ResponseEntity<Flux<PublishedFigureDto>>> listPublishedFigures(@Nullable String period, @Nullable String region,
                                                                              @Nullable String indicator, @Nullable String status,
                                                                              Integer offset, Integer limit, ServerWebExchange exchange) {
        RecordQuery query = RecordQuery.all().orderBy("indicator").page(offset, limit).status(status(status));
        if (period != null) {
            query = query.where("period", QueryParameters.period("period", period, clock).toString());
        }
        if (region != null) {
            query = query.region(QueryParameters.region("region", region).code());
        }
        if (indicator != null) {
            query = query.where("indicator", indicator);
        }
        return figures.page(query);
    }

    private static @Nullable RecordStatus status(@Nullable String status) {
        if (status == null) {
            return RecordStatus.ACTIVE;
        }
        if (ALL.equals(status)) {
            return null;
        }
        for (RecordStatus candidate : RecordStatus.values()) {
            if (candidate.name().equals(status)) {
                return candidate;
            }
        }
        throw new InvalidParameterException("status", "UNKNOWN_STATUS", "A status is ACTIVE, WITHDRAWN or ALL.");
    }

    private static PublishedFigure content(PublishedFigureContentDto dto) {
        return new PublishedFigure(dto.getIndicator(), dto.getField(), dto.getPeriod(), dto.getRegion(), dto.getValue(), dto.getRounding(),
                dto.getPrinted(), dto.getDocument(), dto.getNote());
    }

    private static PublishedFigureDto dto(StoredRecord<PublishedFigure> record) {
        PublishedFigure content = record.content();
        return RecordDto.envelope(new PublishedFigureDto(), record, PublishedFigureWarningDto::new)
                .indicator(content.indicator())
                .field(content.field())
                .period(content.period())
                .region(content.region())
                .value(content.value())
                .rounding(content.rounding())
                .printed(content.printed())
                .document(content.document())
                .note(content.note());
    }
}
