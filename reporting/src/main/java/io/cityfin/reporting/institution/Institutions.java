package io.cityfin.reporting.institution;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: the registry's versions. */
public interface Institutions {

    Mono<Institution> latest(String code);

    /** The latest version of every institution, by code. */
    Flux<Institution> allLatest();

    /** Institutions whose latest version is active on that day. */
    Flux<Institution> activeOn(LocalDate day);

    /**
     * Stores the next version of the institution (version = previous + 1, or 1) with the ADMIN's content; an end by an
     * action ({@link #end}) carries over.
     */
    Mono<Institution> append(String code, InstitutionChange change, OffsetDateTime at, String changedBy);

    /**
     * Stores the next version with the latest version's ADMIN content, ended by an action on {@code endedOn} (null:
     * re-opened); its effective {@code activeTo} is the earlier of the registered end and {@code endedOn}. Registries in
     * which only an ADMIN writes (tests' fakes) need not support it.
     */
    default Mono<Institution> end(String code, @Nullable LocalDate endedOn, OffsetDateTime at, String changedBy) {
        return Mono.error(new UnsupportedOperationException("this registry does not record ends"));
    }
}
