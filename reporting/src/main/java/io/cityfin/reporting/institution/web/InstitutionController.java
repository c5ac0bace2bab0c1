package io.cityfin.reporting.institution.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.reporting.api.InstitutionApi;
import io.cityfin.reporting.api.model.GuaranteeListingDto;
import io.cityfin.reporting.api.model.InstitutionChangeDto;
import io.cityfin.reporting.api.model.InstitutionDto;
import io.cityfin.reporting.institution.GuaranteeListing;
import io.cityfin.reporting.institution.Institution;
import io.cityfin.reporting.institution.InstitutionChange;
import io.cityfin.reporting.institution.InstitutionService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class InstitutionController implements InstitutionApi {

    private final InstitutionService institutions;

    InstitutionController(InstitutionService institutions) {
        this.institutions = institutions;
    }

    @Override
    public Mono<ResponseEntity<InstitutionDto>> putInstitution(String code, Mono<InstitutionChangeDto> body, ServerWebExchange exchange) {
        return body
                .map(InstitutionController::change)
                .flatMap(change -> institutions.put(code, change))
                .map(put -> ResponseEntity.status(put.created() ? HttpStatus.CREATED : HttpStatus.OK).body(toDto(put.institution())));
    }

    @Override
    public Mono<ResponseEntity<InstitutionDto>> getInstitution(String code, ServerWebExchange exchange) {
        return institutions.get(code).map(institution -> ResponseEntity.ok(toDto(institution)));
    }

    @Override
    public Mono<ResponseEntity<Flux<InstitutionDto>>> listInstitutions(ServerWebExchange exchange) {
        return Mono.just(ResponseEntity.ok(institutions.list().map(InstitutionController::toDto)));
    }

    private static InstitutionChange change(InstitutionChangeDto dto) {
        GuaranteeListingDto listing = dto.getGovGuaranteeList();
        return new InstitutionChange(dto.getName(), dto.getType(), dto.getRegion(), dto.getActiveFrom(), dto.getActiveTo(),
                listing == null ? null : new GuaranteeListing(listing.getBatch(), listing.getListedOn()),
                Boolean.TRUE.equals(dto.getMainlySmallAndAgricultural()));
    }

    private static InstitutionDto toDto(Institution institution) {
        GuaranteeListing listing = institution.govGuaranteeList();
        return new InstitutionDto()
                .code(institution.code())
                .name(institution.name())
                .type(institution.type())
                .region(institution.region().code())
                .activeFrom(institution.activeFrom())
                .activeTo(institution.activeTo())
                .registeredActiveTo(institution.registeredActiveTo())
                .endedOn(institution.endedOn())
                .govGuaranteeList(listing == null ? null : new GuaranteeListingDto().batch(listing.batch()).listedOn(listing.listedOn()))
                .mainlySmallAndAgricultural(institution.mainlySmallAndAgricultural())
                .version(institution.version())
                .changedAt(institution.changedAt());
    }
}
