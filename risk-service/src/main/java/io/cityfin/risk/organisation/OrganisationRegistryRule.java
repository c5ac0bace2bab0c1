package io.cityfin.risk.organisation;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.cityfin.common.problem.FieldError;
import io.cityfin.common.uscc.Uscc;
import io.cityfin.reporting.institution.InstitutionChange;
import io.cityfin.reporting.institution.InstitutionRule;

/**
 * risk-service's rules on its registry: an organisation's code is its USCC ({@code 400 INVALID_USCC} naming {@code
 * code}, as platform-service answers a bad USCC in a path), and only FINANCING_GUARANTEE carries the government
 * guarantee list and the small-and-agricultural flag.
 */
@Component
class OrganisationRegistryRule implements InstitutionRule {

    @Override
    public Set<String> guaranteeTypes() {
        return Organisations.GUARANTEE_TYPES;
    }

    @Override
    public List<FieldError> faults(String code, InstitutionChange change) {
        return Uscc.isValid(code) ? List.of() : List.of(FieldError.atParameter("code", Uscc.INVALID_USCC, Uscc.RULE));
    }
}
