package io.cityfin.common.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;

import reactor.test.StepVerifier;

/** Every role against every rule; bank A is 91361000BANKA0001X, bank B 91361000BANKB0002Y. */
class AccessRuleTest {

    private static final String BANK_A = "91361000BANKA0001X";
    private static final String BANK_B = "91361000BANKB0002Y";

    @ParameterizedTest(name = "{0} -> admin {1}, any role {2}, reads bank A {3}, writes bank A {4}, staff {5}")
    @CsvSource({
            "ADMIN,       true,  true, true,  true,  true",
            "ANALYST,     false, true, true,  false, true",
            "SUBMITTER_A, false, true, true,  true,  false",
            "SUBMITTER_B, false, true, false, false, false",
            "PORTAL,      false, true, false, false, false"})
    void appliesEachRuleToEachRole(String who, boolean admin, boolean anyRole, boolean readsA, boolean writesA, boolean staff) {
        Caller caller = caller(who);

        assertThat(AccessRule.admin().allows().test(caller)).isEqualTo(admin);
        assertThat(AccessRule.anyRole().allows().test(caller)).isEqualTo(anyRole);
        assertThat(AccessRule.institutionOrStaff(BANK_A).allows().test(caller)).isEqualTo(readsA);
        assertThat(AccessRule.institutionOrAdmin(BANK_A).allows().test(caller)).isEqualTo(writesA);
        assertThat(AccessRule.anyOf(Role.ADMIN, Role.ANALYST).allows().test(caller)).isEqualTo(staff);
    }

    @Test
    void refusesASubmitterOfOneBankAskingForAnotherWith403() {
        assertThatThrownBy(() -> AccessRule.institutionOrStaff(BANK_A).check(caller("SUBMITTER_B")))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void appliesARuleToTheCallerOfTheRequest() {
        CallerAuthentication bankB = new CallerAuthentication(caller("SUBMITTER_B"), "token");

        StepVerifier.create(Access.require(AccessRule.institutionOrAdmin(BANK_A))
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(bankB)))
                .expectError(ForbiddenException.class)
                .verify();
        StepVerifier.create(Access.require(AccessRule.institutionOrAdmin(BANK_B))
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(bankB)))
                .assertNext(caller -> assertThat(caller.institution()).isEqualTo(BANK_B))
                .verifyComplete();
    }

    @Test
    void hasNoCallerOutsideAnAuthenticatedRequest() {
        StepVerifier.create(Access.caller()).expectError(IllegalStateException.class).verify();
    }

    @Test
    void grantsSpringSecurityTheCallersRoles() {
        assertThat(new CallerAuthentication(caller("ANALYST"), "t").getAuthorities())
                .extracting(Object::toString).containsExactly("ROLE_ANALYST");
    }

    private static Caller caller(String who) {
        return switch (who) {
            case "SUBMITTER_A" -> new Caller("key-a", Set.of(Role.SUBMITTER), BANK_A);
            case "SUBMITTER_B" -> new Caller("key-b", Set.of(Role.SUBMITTER), BANK_B);
            default -> new Caller("key-" + who, Set.of(Role.valueOf(who)), null);
        };
    }
}
