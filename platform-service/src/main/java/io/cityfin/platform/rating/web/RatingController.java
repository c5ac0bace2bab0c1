package io.cityfin.platform.rating.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.platform.api.CreditRatingApiRecords;
import io.cityfin.platform.api.model.PlatformWarningDto;
import io.cityfin.platform.api.model.RatingContentDto;
import io.cityfin.platform.api.model.RatingDto;
import io.cityfin.platform.rating.Rating;
import io.cityfin.platform.registry.Platform;
import io.cityfin.platform.registry.PlatformType;
import io.cityfin.reporting.record.RecordDto;
import io.cityfin.reporting.record.RecordEndpoints;
import io.cityfin.reporting.record.RecordReads;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.Ref;
import io.cityfin.reporting.record.StoredRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class RatingController implements CreditRatingApiRecords {

    private final RecordService<Platform> platforms;
    private final RecordService<Rating> ratings;
    private final RecordEndpoints<Rating, RatingDto> endpoints;

    RatingController(RecordService<Platform> platforms, RecordService<Rating> ratings) {
        this.platforms = platforms;
        this.ratings = ratings;
        this.endpoints = RecordEndpoints.of(ratings, RatingController::dto);
    }

    @Override
    public RecordReads<RatingDto> ratings() {
        return endpoints;
    }

    @Override
    public Mono<ResponseEntity<RatingDto>> createRating(String uscc, Mono<RatingContentDto> body, @Nullable String idempotencyKey,
                                                       ServerWebExchange exchange) {
        String platform = PlatformType.key(uscc);
        return endpoints.create(Ref.key(platform), body, idempotencyKey, dto -> content(platform, dto), RatingContentDto::getStatus);
    }

    @Override
    public Mono<ResponseEntity<Flux<RatingDto>>> listPlatformRatings(String uscc, ServerWebExchange exchange) {
        return platforms.latest(PlatformType.key(uscc)).flatMap(platform -> endpoints.children(platform.id().toString()));
    }

    /** The next version, of the same platform as the stored one (a rating's platform is never sent). */
    @Override
    public Mono<ResponseEntity<RatingDto>> putRating(String id, Mono<RatingContentDto> body, @Nullable String ifMatch, ServerWebExchange exchange) {
        return ratings.latest(RecordService.id("id", id)).flatMap(stored -> endpoints.replace(id, body, ifMatch,
                dto -> content(stored.content().platform(), dto), RatingContentDto::getStatus));
    }

    private static Rating content(@Nullable String platform, RatingContentDto dto) {
        return new Rating(platform, dto.getAgency(), dto.getAgencyName(), dto.getRating(), dto.getOutlook(), dto.getAction(), dto.getRatedOn());
    }

    private static RatingDto dto(StoredRecord<Rating> record) {
        Rating content = record.content();
        return RecordDto.envelope(new RatingDto(), record, PlatformWarningDto::new).platform(content.platform())
                .agency(content.agency()).agencyName(content.agencyName()).rating(content.rating()).outlook(content.outlook())
                .action(content.action()).ratedOn(content.ratedOn());
    }
}
