package io.cityfin.capitalmarket.financing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.region.Region;
import io.cityfin.reporting.institution.Institution;
import io.cityfin.reporting.institution.InstitutionChange;
import io.cityfin.reporting.institution.Institutions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The registry in a map: one version per institution. */
public class InMemoryInstitutions implements Institutions {

    private final Map<String, Institution> byCode = new LinkedHashMap<>();

    public InMemoryInstitutions with(String code, String type, String region, String activeFrom, @Nullable String activeTo) {
        byCode.put(code, new Institution(code, "测试证券营业部" + code, type, Region.ofCode(region).orElseThrow(), LocalDate.parse(activeFrom),
                activeTo == null ? null : LocalDate.parse(activeTo), 1, OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), "test"));
        return this;
    }

    @Override
    public Mono<Institution> latest(String code) {
        return Mono.justOrEmpty(byCode.get(code));
    }

    @Override
    public Flux<Institution> allLatest() {
        return Flux.fromIterable(byCode.values());
    }

    @Override
    public Flux<Institution> activeOn(LocalDate day) {
        return allLatest().filter(institution -> institution.isActiveOn(day));
    }

    @Override
    public Mono<Institution> append(String code, InstitutionChange change, OffsetDateTime at, String changedBy) {
        return Mono.error(new UnsupportedOperationException("read-only"));
    }
}
