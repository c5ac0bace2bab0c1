package io.cityfin.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cityfin.common.identity.Role;
import io.cityfin.common.problem.FieldError;
import io.cityfin.common.problem.RuleViolationException;

class NewApiKeyTest {

    @Test
    void acceptsASubmitterBoundToOneInstitutionAndStaffBoundToNone() {
        assertThat(new NewApiKey("bank", List.of("SUBMITTER"), "91361000BANKA0001X").checkedRoles()).isEqualTo(Set.of(Role.SUBMITTER));
        assertThat(new NewApiKey("office", List.of("ADMIN", "ANALYST"), null).checkedRoles()).isEqualTo(Set.of(Role.ADMIN, Role.ANALYST));
    }

    @Test
    void pointsAtEveryFaultAtOnce() {
        assertThat(faults(new NewApiKey(" ", List.of("SUBMITTER", "ROOT", "SUBMITTER"), "bank a")))
                .extracting(FieldError::pointer, FieldError::code)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("/roles/1", "UNKNOWN_ROLE"),
                        org.assertj.core.groups.Tuple.tuple("/roles/2", "DUPLICATE_ROLE"),
                        org.assertj.core.groups.Tuple.tuple("/institutionCode", "INVALID_INSTITUTION_CODE"),
                        org.assertj.core.groups.Tuple.tuple("/label", "LABEL_BLANK"));
    }

    @Test
    void refusesASubmitterWithAnotherRoleOrWithoutAnInstitution() {
        assertThat(faults(new NewApiKey("x", List.of("SUBMITTER", "ADMIN"), "91361000BANKA0001X")))
                .extracting(FieldError::code).containsExactly("SUBMITTER_NOT_ALONE");
        assertThat(faults(new NewApiKey("x", List.of("SUBMITTER"), null)))
                .extracting(FieldError::code).containsExactly("INSTITUTION_REQUIRED");
    }

    @Test
    void refusesAnInstitutionOnAnyOtherKeyAndAKeyWithoutRoles() {
        assertThat(faults(new NewApiKey("x", List.of("PORTAL"), "91361000BANKA0001X")))
                .extracting(FieldError::code).containsExactly("INSTITUTION_NOT_ALLOWED");
        assertThat(faults(new NewApiKey("x", List.of(), null))).extracting(FieldError::code).containsExactly("ROLES_EMPTY");
    }

    private static List<FieldError> faults(NewApiKey request) {
        try {
            request.checkedRoles();
        } catch (RuleViolationException e) {
            return e.errors();
        }
        assertThatThrownBy(request::checkedRoles).isInstanceOf(RuleViolationException.class);
        return List.of();
    }
}
