package io.cityfin.reporting.institution;

import java.util.List;
import java.util.Set;

import io.cityfin.common.problem.FieldError;

/**
 * A service's own rules on its registry, run by {@link InstitutionService#put} beside the machinery's (a bean; a service
 * may have several). The machinery refuses the guarantee attributes ({@code govGuaranteeList},
 * {@code mainlySmallAndAgricultural} true) on every type no rule names in {@link #guaranteeTypes}, so credit, insurance
 * and capital market refuse them without a rule of their own.
 */
public interface InstitutionRule {

    /** The types whose institutions may carry the guarantee attributes; none by default. */
    default Set<String> guaranteeTypes() {
        return Set.of();
    }

    /**
     * Every fault of the change of institution {@code code}: a fault at a parameter ({@code code}, a malformed code in
     * the path) is a 400, faults at pointers into the body a 422 with the machinery's own.
     */
    default List<FieldError> faults(String code, InstitutionChange change) {
        return List.of();
    }
}
