package io.cityfin.risk.organisation;

import java.util.List;
import java.util.Set;

/** The registry's types as supervision sees them (data-standard-2.md, "Local financial organisations"). */
public final class Organisations {

    public static final String SMALL_LOAN = "SMALL_LOAN";
    public static final String FINANCING_GUARANTEE = "FINANCING_GUARANTEE";
    public static final String PAWN = "PAWN";
    public static final String FINANCIAL_LEASING = "FINANCIAL_LEASING";
    public static final String COMMERCIAL_FACTORING = "COMMERCIAL_FACTORING";
    public static final String PRIVATE_LENDING = "PRIVATE_LENDING";
    /** Reports, but is not a local financial organisation: in none of their counts. */
    public static final String BRIDGE_FUND = "BRIDGE_FUND";
    /** The local financial organisations' types: every registry type but BRIDGE_FUND. */
    public static final List<String> LOCAL_ORGANISATION_TYPES = List.of(SMALL_LOAN, FINANCING_GUARANTEE, PAWN, FINANCIAL_LEASING,
            COMMERCIAL_FACTORING, PRIVATE_LENDING);
    /** The types that may carry the government guarantee list and the small-and-agricultural flag. */
    public static final Set<String> GUARANTEE_TYPES = Set.of(FINANCING_GUARANTEE);

    private Organisations() {
    }
}
