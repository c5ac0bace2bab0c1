package io.cityfin.risk.organisation.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.common.http.IfMatch;
import io.cityfin.reporting.record.RecordDto;
import io.cityfin.reporting.record.RecordEndpoints;
import io.cityfin.reporting.record.RecordResponses;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.StoredRecord;
import io.cityfin.risk.api.OrganisationRatingApi;
import io.cityfin.risk.api.model.OrganisationRatingContentDto;
import io.cityfin.risk.api.model.OrganisationRatingDto;
import io.cityfin.risk.api.model.OrganisationWarningDto;
import io.cityfin.risk.organisation.OrganisationRating;
import io.cityfin.risk.organisation.SupervisionService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class OrganisationRatingController implements OrganisationRatingApi {

    private final SupervisionService supervision;
    private final RecordEndpoints<OrganisationRating, OrganisationRatingDto> endpoints;

    OrganisationRatingController(SupervisionService supervision, RecordService<OrganisationRating> ratings) {
        this.supervision = supervision;
        this.endpoints = RecordEndpoints.of(ratings, OrganisationRatingController::dto);
    }

    @Override
    public Mono<ResponseEntity<Flux<OrganisationRatingDto>>> listOrganisationRatings(String code, ServerWebExchange exchange) {
        return supervision.ratingsOf(OrganisationCodes.checked(code)).map(page -> RecordResponses.page(page, OrganisationRatingController::dto));
    }

    @Override
    public Mono<ResponseEntity<OrganisationRatingDto>> getOrganisationRating(String code, Integer year, ServerWebExchange exchange) {
        return endpoints.latestByKey(OrganisationRating.key(OrganisationCodes.checked(code), year));
    }

    @Override
    public Mono<ResponseEntity<Flux<OrganisationRatingDto>>> listOrganisationRatingVersions(String code, Integer year, ServerWebExchange exchange) {
        return endpoints.versionsByKey(OrganisationRating.key(OrganisationCodes.checked(code), year));
    }

    @Override
    public Mono<ResponseEntity<OrganisationRatingDto>> putOrganisationRating(String code, Integer year, Mono<OrganisationRatingContentDto> body,
                                                                            @Nullable String ifMatch, ServerWebExchange exchange) {
        String checked = OrganisationCodes.checked(code);
        IfMatch precondition = IfMatch.parse(ifMatch);
        return body.flatMap(dto -> supervision.rate(checked, year, new OrganisationRating(null, null, dto.getGrade(), dto.getRatedOn()),
                        dto.getStatus(), precondition))
                .map(written -> RecordResponses.written(written, OrganisationRatingController::dto));
    }

    private static OrganisationRatingDto dto(StoredRecord<OrganisationRating> record) {
        OrganisationRating content = record.content();
        return RecordDto.envelope(new OrganisationRatingDto(), record, OrganisationWarningDto::new).institution(content.institution()).year(content.year())
                .grade(content.grade()).ratedOn(content.ratedOn());
    }
}
