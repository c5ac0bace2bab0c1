package io.cityfin.reporting.institution;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import io.cityfin.common.identity.Access;
import io.cityfin.common.identity.AccessRule;
import io.cityfin.common.identity.Role;
import io.cityfin.common.period.CityClock;
import io.cityfin.common.problem.FieldError;
import io.cityfin.common.problem.InvalidParameterException;
import io.cityfin.common.problem.NotFoundException;
import io.cityfin.common.problem.RuleViolationException;
import io.cityfin.reporting.catalogue.Catalogue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The registry: ADMIN registers and changes institutions (each change a version); staff read all of it. A service's
 * use cases may end an institution on a day and re-open it ({@link #end}, {@link #reopen}: risk-service's ending
 * supervisory actions); the ADMIN's registered content is kept apart from that end, so the same content sent again
 * changes nothing.
 */
@Service
public class InstitutionService {

    public static final String GUARANTEE_ATTRIBUTE_NOT_ALLOWED = "GUARANTEE_ATTRIBUTE_NOT_ALLOWED";
    public static final String ACTIVE_FROM_AFTER_END = "ACTIVE_FROM_AFTER_END";
    public static final String ENDED_BEFORE_ACTIVE_FROM = "ENDED_BEFORE_ACTIVE_FROM";
    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{4,32}");
    private static final int MIN_BATCH = 1;
    private static final int MAX_BATCH = 99;

    private final Institutions institutions;
    private final Catalogue catalogue;
    private final Clock clock;
    private final List<InstitutionRule> rules;
    private final Set<String> guaranteeTypes;

    @Autowired
    public InstitutionService(Institutions institutions, Catalogue catalogue, Clock clock, ObjectProvider<InstitutionRule> rules) {
        this(institutions, catalogue, clock, rules.orderedStream().toList());
    }

    public InstitutionService(Institutions institutions, Catalogue catalogue, Clock clock) {
        this(institutions, catalogue, clock, List.of());
    }

    public InstitutionService(Institutions institutions, Catalogue catalogue, Clock clock, List<InstitutionRule> rules) {
        this.institutions = institutions;
        this.catalogue = catalogue;
        this.clock = clock;
        this.rules = List.copyOf(rules);
        Set<String> types = new HashSet<>();
        this.rules.forEach(rule -> types.addAll(rule.guaranteeTypes()));
        this.guaranteeTypes = Set.copyOf(types);
    }

    /** A new version, or the latest one unchanged (then {@link Put#created()} is false). */
    public Mono<Put> put(String code, InstitutionChange change) {
        checkCode("code", code);
        List<FieldError> ruleFaults = new ArrayList<>();
        for (InstitutionRule rule : rules) {
            for (FieldError fault : rule.faults(code, change)) {
                if (fault.parameter() != null) {
                    throw new InvalidParameterException(fault.parameter(), fault.code(), fault.message());
                }
                ruleFaults.add(fault);
            }
        }
        return Access.require(AccessRule.admin()).flatMap(caller -> {
            List<FieldError> faults = new ArrayList<>(change.faults(catalogue.institutionTypes()));
            faults.addAll(guaranteeFaults(change));
            faults.addAll(ruleFaults);
            refuseIf(faults);
            return institutions.latest(code)
                    .filter(latest -> latest.sameContentAs(change))
                    .map(latest -> new Put(latest, false))
                    .switchIfEmpty(Mono.defer(() -> institutions.latest(code)
                            .doOnNext(latest -> {
                                if (latest.endedOn() != null && change.activeFrom().isAfter(latest.endedOn())) {
                                    refuseIf(List.of(FieldError.atPointer("/activeFrom", ACTIVE_FROM_AFTER_END,
                                            "An action ended the institution on " + latest.endedOn() + "; activeFrom is not after it.")));
                                }
                            })
                            .then(institutions.append(code, change, now(), caller.subject()))
                            .map(stored -> new Put(stored, true))));
        });
    }

    /**
     * Ends the institution on {@code day} (an action of the service ended it; no access check: the caller's use case
     * checked it), keeping the ADMIN's content: a new version unless it already ends on that day. 404 when there is no
     * such institution; 422 when {@code day} is before its activeFrom.
     */
    public Mono<Institution> end(String code, LocalDate day, String changedBy) {
        return existing(code).flatMap(latest -> {
            if (day.equals(latest.endedOn())) {
                return Mono.just(latest);
            }
            if (day.isBefore(latest.activeFrom())) {
                return Mono.error(new RuleViolationException("The institution is active from " + latest.activeFrom() + ".",
                        List.of(FieldError.atPointer("", ENDED_BEFORE_ACTIVE_FROM, "An institution cannot end before its activeFrom."))));
            }
            return institutions.end(code, day, now(), changedBy);
        });
    }

    /** Undoes {@link #end}: active again until the ADMIN's registered end; a new version unless it was not ended. */
    public Mono<Institution> reopen(String code, String changedBy) {
        return existing(code).flatMap(latest -> latest.endedOn() == null ? Mono.just(latest) : institutions.end(code, null, now(), changedBy));
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

    /** The latest version of every institution, without access checks: for a service's indicators and rules. */
    public Flux<Institution> all() {
        return institutions.allLatest();
    }

    /** A malformed code in a path is a 400 naming the parameter. */
    public static void checkCode(String parameter, String code) {
        if (!CODE.matcher(code).matches()) {
            throw new InvalidParameterException(parameter, "INVALID_INSTITUTION_CODE",
                    "An institution code is 4 to 32 characters of 0-9 and A-Z.");
        }
    }

    /** The guarantee attributes only on the types a rule names; a batch of 1 to 99; listed on or before today. */
    private List<FieldError> guaranteeFaults(InstitutionChange change) {
        List<FieldError> faults = new ArrayList<>();
        boolean allowed = guaranteeTypes.contains(change.type());
        GuaranteeListing listing = change.govGuaranteeList();
        if (listing != null && !allowed) {
            faults.add(FieldError.atPointer("/govGuaranteeList", GUARANTEE_ATTRIBUTE_NOT_ALLOWED, notAllowed("govGuaranteeList")));
        }
        if (change.mainlySmallAndAgricultural() && !allowed) {
            faults.add(FieldError.atPointer("/mainlySmallAndAgricultural", GUARANTEE_ATTRIBUTE_NOT_ALLOWED, notAllowed("mainlySmallAndAgricultural")));
        }
        if (listing != null && allowed) {
            if (listing.batch() < MIN_BATCH || listing.batch() > MAX_BATCH) {
                faults.add(FieldError.atPointer("/govGuaranteeList/batch", "INVALID_VALUE", "A list's batch is 1 to 99."));
            }
            if (listing.listedOn().isAfter(CityClock.today(clock))) {
                faults.add(FieldError.atPointer("/govGuaranteeList/listedOn", "DATE_IN_FUTURE", "listedOn is not after today (Asia/Shanghai)."));
            }
        }
        return faults;
    }

    private String notAllowed(String member) {
        return guaranteeTypes.isEmpty() ? member + " is carried by no institution type here."
                : member + " is carried only by " + guaranteeTypes.stream().sorted().toList() + ".";
    }

    private static void refuseIf(List<FieldError> faults) {
        if (!faults.isEmpty()) {
            throw new RuleViolationException("The institution breaks " + faults.size() + " rule(s).", faults);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The outcome of a put: the version now current, and whether this put created it. */
    public record Put(Institution institution, boolean created) {
    }
}
