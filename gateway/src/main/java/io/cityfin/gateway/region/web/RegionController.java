package io.cityfin.gateway.region.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.common.http.EntityTag;
import io.cityfin.common.http.IfNoneMatch;
import io.cityfin.common.region.Region;
import io.cityfin.gateway.api.RegionApi;
import io.cityfin.gateway.api.model.RegionDto;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/regions}: the city and its county-level regions from common's {@link Region}, in its order. Any
 * valid key may read it (the security chain's {@code /api/**} rule; no role check here): it is reference data, the
 * same for every caller, so a public GET would add nothing but an unauthenticated path with no per-key rate limit.
 * It changes only with a release, so a browser may keep it an hour ({@code private}: it was asked with a key) and then
 * revalidate it by its strong ETag, which is a function of the list alone and so the same on every replica.
 */
@RestController
class RegionController implements RegionApi {

    static final String CACHE_CONTROL = "private, max-age=3600";

    private static final List<RegionDto> REGIONS = Arrays.stream(Region.values()).map(RegionController::toDto).toList();

    static final String ETAG = etag();

    @Override
    public Mono<ResponseEntity<Flux<RegionDto>>> listRegions(@Nullable String ifNoneMatch, ServerWebExchange exchange) {
        IfNoneMatch condition = IfNoneMatch.parse(ifNoneMatch); // malformed: 400 INVALID_IF_NONE_MATCH
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(ETAG);
        headers.setCacheControl(CACHE_CONTROL);
        if (condition != null && condition.matches(ETAG)) {
            return Mono.just(ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build());
        }
        return Mono.just(ResponseEntity.ok().headers(headers).body(Flux.fromIterable(REGIONS)));
    }

    private static RegionDto toDto(Region region) {
        return new RegionDto().code(region.code()).nameZh(region.nameZh()).nameEn(region.nameEn()).city(region.isCity());
    }

    private static String etag() {
        List<Object> parts = new ArrayList<>();
        for (RegionDto region : REGIONS) {
            parts.add(region.getCode());
            parts.add(region.getNameZh());
            parts.add(region.getNameEn());
            parts.add(region.getCity());
        }
        return EntityTag.of(parts.toArray());
    }
}
