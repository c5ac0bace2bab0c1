package io.cityfin.reporting.institution;

import java.time.LocalDate;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: the registry's versions. */
public interface Institutions {

    Mono<Institution> latest(String code);

    /** The latest version of every institution, by code. */
    Flux<Institution> allLatest();

    /** Institutions whose latest version is active on that day. */
    Flux<Institution> activeOn(LocalDate day);

    /** Stores the next version of the institution (version = previous + 1, or 1). */
    Mono<Institution> append(String code, InstitutionChange change, java.time.OffsetDateTime at, String changedBy);
}
