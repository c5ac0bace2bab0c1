package io.cityfin.reporting.institution;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import io.cityfin.common.identity.Access;
import io.cityfin.common.identity.AccessRule;
import io.cityfin.common.identity.Role;
import io.cityfin.common.problem.InvalidParameterException;
import io.cityfin.common.problem.NotFoundException;
import io.cityfin.reporting.catalogue.Catalogue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The registry: ADMIN registers and changes institutions (each change a version); staff read all of it. */
@Service
public class InstitutionService {

    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{4,32}");

    private final Institutions institutions;
    private final Catalogue catalogue;
    private final Clock clock;

    public InstitutionService(Institutions institutions, Catalogue catalogue, Clock clock) {
        this.institutions = institutions;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** A new version, or the latest one unchanged (then {@link Put#created()} is false). */
    public Mono<Put> put(String code, InstitutionChange change) {
        checkCode("code", code);
        return Access.require(AccessRule.admin()).flatMap(caller -> {
            change.checked(catalogue.institutionTypes());
            return institutions.latest(code)
                    .filter(latest -> latest.sameContentAs(change))
                    .map(latest -> new Put(latest, false))
                    .switchIfEmpty(Mono.defer(() -> institutions.append(code, change, now(), caller.subject())
                            .map(stored -> new Put(stored, true))));
        });
    }

    /** Staff read every institution; a SUBMITTER its own. */
    public Mono<Institution> get(String code) {
        checkCode("code", code);
        return Access.require(AccessRule.institutionOrStaff(code))
                .then(institutions.latest(code))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No institution " + code + ".")));
    }

    public Flux<Institution> list() {
        return Access.require(AccessRule.anyOf(Role.ADMIN, Role.ANALYST))
                .thenMany(institutions.allLatest());
    }

    /** For the report use cases: the institution, or 404. */
    public Mono<Institution> existing(String code) {
        checkCode("institutionCode", code);
        return institutions.latest(code).switchIfEmpty(Mono.error(() -> new NotFoundException("No institution " + code + ".")));
    }

    /** A malformed code in a path is a 400 naming the parameter. */
    public static void checkCode(String parameter, String code) {
        if (!CODE.matcher(code).matches()) {
            throw new InvalidParameterException(parameter, "INVALID_INSTITUTION_CODE",
                    "An institution code is 4 to 32 characters of 0-9 and A-Z.");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The outcome of a put: the version now current, and whether this put created it. */
    public record Put(Institution institution, boolean created) {
    }
}
