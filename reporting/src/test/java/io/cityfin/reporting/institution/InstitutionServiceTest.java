package io.cityfin.reporting.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;

import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.CallerAuthentication;
import io.cityfin.common.identity.Role;
import io.cityfin.common.problem.FieldError;
import io.cityfin.common.problem.InvalidParameterException;
import io.cityfin.common.problem.RuleViolationException;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.catalogue.Catalogue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The registry's use cases on an in-memory registry, today being 2022-10-10: the guarantee attributes refused on every
 * type no rule names (credit, insurance and capital market name none), checked where one does; a rule's parameter fault
 * a 400; an end kept apart from the ADMIN's content.
 */
class InstitutionServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2022-10-10T02:00:00Z"), ZoneOffset.UTC);
    private static final Caller ADMIN = new Caller("admin-key", Set.of(Role.ADMIN), null);
    private static final GuaranteeListing LISTED = new GuaranteeListing(3, LocalDate.of(2022, 7, 15));

    private final Registry registry = new Registry();
    private final Catalogue credit = new Catalogue("credit-service", List.of(), Set.of("STATE_OWNED_BANK", "FINANCING_GUARANTEE"));

    @Test
    void refusesTheGuaranteeAttributesWhereNoRuleNamesTheType() {
        InstitutionService service = new InstitutionService(registry, credit, CLOCK);
        // a type of the same name is no guarantee type without a rule naming it
        assertThat(faults(service, "BANK1", change("FINANCING_GUARANTEE", LISTED, true)))
                .containsExactly("/govGuaranteeList GUARANTEE_ATTRIBUTE_NOT_ALLOWED", "/mainlySmallAndAgricultural GUARANTEE_ATTRIBUTE_NOT_ALLOWED");
        assertThat(registry.versions).isEmpty();
        assertThat(as(service.put("BANK1", change("STATE_OWNED_BANK", null, false))).created()).isTrue();
    }

    @Test
    void checksTheAttributesOnTheTypesARuleNamesAndRunsItsFaults() {
        InstitutionRule rule = new InstitutionRule() {
            @Override
            public Set<String> guaranteeTypes() {
                return Set.of("FINANCING_GUARANTEE");
            }

            @Override
            public List<FieldError> faults(String code, InstitutionChange change) {
                return code.startsWith("X") ? List.of(FieldError.atParameter("code", "INVALID_USCC", "not a USCC")) : List.of();
            }
        };
        InstitutionService service = new InstitutionService(registry, credit, CLOCK, List.of(rule));

        Institution stored = as(service.put("GUAR1", change("FINANCING_GUARANTEE", LISTED, true))).institution();
        assertThat(stored.govGuaranteeList()).isEqualTo(LISTED);
        assertThat(stored.mainlySmallAndAgricultural()).isTrue();
        assertThat(faults(service, "BANK1", change("STATE_OWNED_BANK", LISTED, false))).containsExactly("/govGuaranteeList GUARANTEE_ATTRIBUTE_NOT_ALLOWED");
        assertThat(faults(service, "GUAR2", change("FINANCING_GUARANTEE", new GuaranteeListing(0, LocalDate.of(2022, 7, 15)), false)))
                .containsExactly("/govGuaranteeList/batch INVALID_VALUE");
        assertThat(faults(service, "GUAR2", change("FINANCING_GUARANTEE", new GuaranteeListing(99, LocalDate.of(2022, 10, 11)), false)))
                .containsExactly("/govGuaranteeList/listedOn DATE_IN_FUTURE");
        assertThatThrownBy(() -> service.put("XGUAR", change("FINANCING_GUARANTEE", null, false)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("not a USCC");
    }

    @Test
    void endsAndReopensApartFromTheAdminsContent() {
        InstitutionService service = new InstitutionService(registry, credit, CLOCK);
        InstitutionChange registered = change("STATE_OWNED_BANK", null, false);
        as(service.put("BANK1", registered));

        Institution ended = as(service.end("BANK1", LocalDate.of(2022, 8, 30), "analyst"));
        assertThat(ended.version()).isEqualTo(2);
        assertThat(ended.activeTo()).isEqualTo(LocalDate.of(2022, 8, 30));
        assertThat(ended.isActiveOn(LocalDate.of(2022, 8, 31))).isFalse();
        assertThat(as(service.end("BANK1", LocalDate.of(2022, 8, 30), "analyst")).version()).isEqualTo(2);

        InstitutionService.Put again = as(service.put("BANK1", registered));
        assertThat(again.created()).isFalse();
        assertThat(again.institution().activeTo()).isEqualTo(LocalDate.of(2022, 8, 30));
        assertThat(faults(service, "BANK1", new InstitutionChange("测试银行", "STATE_OWNED_BANK", "361002", LocalDate.of(2022, 9, 1), null)))
                .containsExactly("/activeFrom ACTIVE_FROM_AFTER_END");

        Institution reopened = as(service.reopen("BANK1", "analyst"));
        assertThat(reopened.activeTo()).isNull();
        assertThat(reopened.version()).isEqualTo(3);
        assertThat(as(service.reopen("BANK1", "analyst")).version()).isEqualTo(3);
    }

    private static InstitutionChange change(String type, @Nullable GuaranteeListing listing, boolean mainly) {
        return new InstitutionChange("测试机构", type, "361002", LocalDate.of(2015, 1, 1), null, listing, mainly);
    }

    private static List<String> faults(InstitutionService service, String code, InstitutionChange change) {
        try {
            as(service.put(code, change));
        } catch (RuleViolationException refused) {
            return refused.errors().stream().map(e -> e.pointer() + " " + e.code()).toList();
        }
        throw new AssertionError("not refused");
    }

    private static <T> T as(Mono<T> call) {
        return call.contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(ADMIN, "test"))).block();
    }

    /** The registry in memory, with ends. */
    static final class Registry implements Institutions {

        final List<Institution> versions = new ArrayList<>();

        @Override
        public Mono<Institution> latest(String code) {
            return Flux.fromIterable(versions).filter(i -> i.code().equals(code)).last().onErrorResume(java.util.NoSuchElementException.class,
                    e -> Mono.empty());
        }

        @Override
        public Flux<Institution> allLatest() {
            return Flux.fromIterable(versions).map(Institution::code).distinct().flatMap(this::latest);
        }

        @Override
        public Flux<Institution> activeOn(LocalDate day) {
            return allLatest().filter(i -> i.isActiveOn(day));
        }

        @Override
        public Mono<Institution> append(String code, InstitutionChange change, OffsetDateTime at, String changedBy) {
            return latest(code).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                    .map(previous -> store(code, change, previous.map(Institution::endedOn).orElse(null),
                            previous.map(Institution::version).orElse(0) + 1, at, changedBy));
        }

        @Override
        public Mono<Institution> end(String code, @Nullable LocalDate endedOn, OffsetDateTime at, String changedBy) {
            return latest(code).map(previous -> store(code, previous.registered(), endedOn, previous.version() + 1, at, changedBy));
        }

        private Institution store(String code, InstitutionChange change, @Nullable LocalDate endedOn, int version, OffsetDateTime at, String by) {
            Institution stored = new Institution(code, change.name(), change.type(), Region.ofCode(change.region()).orElseThrow(), change.activeFrom(),
                    Institution.effectiveEnd(change.activeTo(), endedOn), version, at, by, change.govGuaranteeList(),
                    change.mainlySmallAndAgricultural(), change.activeTo(), endedOn);
            versions.add(stored);
            return stored;
        }
    }
}
