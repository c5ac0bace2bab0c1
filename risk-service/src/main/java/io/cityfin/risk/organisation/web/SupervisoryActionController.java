package io.cityfin.risk.organisation.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.common.http.IfMatch;
import io.cityfin.reporting.record.RecordDto;
import io.cityfin.reporting.record.RecordEndpoints;
import io.cityfin.reporting.record.RecordReads;
import io.cityfin.reporting.record.RecordResponses;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.StoredRecord;
import io.cityfin.risk.api.SupervisoryActionApiRecords;
import io.cityfin.risk.api.model.OrganisationWarningDto;
import io.cityfin.risk.api.model.SupervisoryActionContentDto;
import io.cityfin.risk.api.model.SupervisoryActionDto;
import io.cityfin.risk.organisation.SupervisionService;
import io.cityfin.risk.organisation.SupervisoryAction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class SupervisoryActionController implements SupervisoryActionApiRecords {

    private final SupervisionService supervision;
    private final RecordEndpoints<SupervisoryAction, SupervisoryActionDto> endpoints;

    SupervisoryActionController(SupervisionService supervision, RecordService<SupervisoryAction> actions) {
        this.supervision = supervision;
        this.endpoints = RecordEndpoints.of(actions, SupervisoryActionController::dto);
    }

    @Override
    public RecordReads<SupervisoryActionDto> actions() {
        return endpoints;
    }

    @Override
    public Mono<ResponseEntity<Flux<SupervisoryActionDto>>> listSupervisoryActions(String code, ServerWebExchange exchange) {
        return supervision.actionsOf(OrganisationCodes.checked(code)).map(page -> RecordResponses.page(page, SupervisoryActionController::dto));
    }

    @Override
    public Mono<ResponseEntity<SupervisoryActionDto>> createSupervisoryAction(String code, Mono<SupervisoryActionContentDto> body,
                                                                             @Nullable String idempotencyKey, ServerWebExchange exchange) {
        String checked = OrganisationCodes.checked(code);
        return body.flatMap(dto -> supervision.act(checked, idempotencyKey, content(dto), dto.getStatus()))
                .map(written -> RecordResponses.written(written, SupervisoryActionController::dto));
    }

    @Override
    public Mono<ResponseEntity<SupervisoryActionDto>> putSupervisoryAction(String id, Mono<SupervisoryActionContentDto> body, @Nullable String ifMatch,
                                                                          ServerWebExchange exchange) {
        var recordId = RecordService.id("id", id);
        IfMatch precondition = IfMatch.parse(ifMatch);
        return body.flatMap(dto -> supervision.replaceAction(recordId, content(dto), dto.getStatus(), precondition))
                .map(written -> RecordResponses.written(written, SupervisoryActionController::dto));
    }

    private static SupervisoryAction content(SupervisoryActionContentDto dto) {
        return new SupervisoryAction(null, dto.getType(), dto.getOn(), dto.getDocumentNo(), dto.getNote());
    }

    private static SupervisoryActionDto dto(StoredRecord<SupervisoryAction> record) {
        SupervisoryAction content = record.content();
        return RecordDto.envelope(new SupervisoryActionDto(), record, OrganisationWarningDto::new).institution(content.institution())
                .type(content.type()).on(content.on()).documentNo(content.documentNo()).note(content.note());
    }
}
