package io.cityfin.insurance.investment.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.common.http.IfMatch;
import io.cityfin.insurance.api.InvestmentApi;
import io.cityfin.insurance.api.model.InvestmentDto;
import io.cityfin.insurance.api.model.NewInvestmentDto;
import io.cityfin.insurance.investment.Investment;
import io.cityfin.reporting.record.RecordQuery;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.StoredRecord;
import io.cityfin.reporting.record.RecordResponses;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class InvestmentController implements InvestmentApi {

    private final RecordService<Investment> investments;

    InvestmentController(RecordService<Investment> investments) {
        this.investments = investments;
    }

    @Override
    public Mono<ResponseEntity<InvestmentDto>> createInvestment(Mono<NewInvestmentDto> body, String idempotencyKey,
                                                               ServerWebExchange exchange) {
        return body.flatMap(dto -> investments.create(idempotencyKey, content(dto), dto.getStatus()))
                .map(written -> RecordResponses.written(written, InvestmentController::dto));
    }

    @Override
    public Mono<ResponseEntity<InvestmentDto>> putInvestment(String id, Mono<NewInvestmentDto> body, @Nullable String ifMatch,
                                                            ServerWebExchange exchange) {
        var recordId = RecordService.id("id", id);
        IfMatch precondition = IfMatch.parse(ifMatch);
        return body.flatMap(dto -> investments.replace(recordId, content(dto), dto.getStatus(), precondition))
                .map(written -> RecordResponses.written(written, InvestmentController::dto));
    }

    @Override
    public Mono<ResponseEntity<InvestmentDto>> getInvestment(String id, ServerWebExchange exchange) {
        return investments.latest(RecordService.id("id", id)).map(record -> RecordResponses.latest(record, InvestmentController::dto));
    }

    @Override
    public Mono<ResponseEntity<Flux<InvestmentDto>>> listInvestmentVersions(String id, ServerWebExchange exchange) {
        return RecordResponses.versions(investments.versions(RecordService.id("id", id)), InvestmentController::dto);
    }

    @Override
    public Mono<ResponseEntity<Flux<InvestmentDto>>> listInvestments(Integer year, Integer offset, Integer limit,
                                                                    ServerWebExchange exchange) {
        RecordQuery query = RecordQuery.all().dated("date", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).orderBy("date")
                .page(offset, limit);
        return investments.page(query).map(page -> RecordResponses.page(page, InvestmentController::dto));
    }

    private static Investment content(NewInvestmentDto dto) {
        return new Investment(dto.getInstitutionCode(), dto.getProject(), dto.getRegion(), dto.getAmount(), dto.getDate(), dto.getChannel());
    }

    private static InvestmentDto dto(StoredRecord<Investment> record) {
        Investment content = record.content();
        return new InvestmentDto()
                .id(record.id().toString())
                .version(record.version())
                .status(record.status().name())
                .contentHash(record.contentHash())
                .recordedAt(record.recordedAt())
                .recordedBy(record.recordedBy())
                .recordedFor(record.recordedFor())
                .institutionCode(content.institutionCode())
                .project(content.project())
                .region(content.region())
                .amount(content.amount())
                .date(content.date())
                .channel(content.channel());
    }
}
