package io.cityfin.reporting.indicator;

import org.jspecify.annotations.Nullable;

/**
 * Who stands behind an indicator's figures: the institutions with lines in the region asked, those of the report
 * type active on the period's last day, and whether all of them reported. Record-based indicators carry none.
 */
public record Coverage(@Nullable Integer reportingInstitutions, @Nullable Integer expectedInstitutions,
                       @Nullable Boolean complete) {

    private static final Coverage NONE = new Coverage(null, null, null);

    /** For indicators from records (investments, registries), not from institutions' reports. */
    public static Coverage none() {
        return NONE;
    }

    public static Coverage of(int reportingInstitutions, int expectedInstitutions, boolean complete) {
        return new Coverage(reportingInstitutions, expectedInstitutions, complete);
    }
}
