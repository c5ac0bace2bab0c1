package io.cityfin.risk.lead;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The statuses of a lead and the steps the status table allows (data-standard-2.md). */
public final class LeadStatus {

    public static final String RECEIVED = "RECEIVED";
    public static final String VERIFYING = "VERIFYING";
    public static final String REFERRED_TO_POLICE = "REFERRED_TO_POLICE";
    public static final String CASE_FILED = "CASE_FILED";
    public static final String DISMISSED = "DISMISSED";
    public static final String DISPOSED = "DISPOSED";

    /** Each status and the statuses it may go to. */
    public static final Map<String, Set<String>> NEXT = Map.of(
            RECEIVED, Set.of(VERIFYING, DISMISSED),
            VERIFYING, Set.of(DISMISSED, REFERRED_TO_POLICE, DISPOSED),
            REFERRED_TO_POLICE, Set.of(CASE_FILED, DISMISSED),
            CASE_FILED, Set.of(DISPOSED),
            DISMISSED, Set.of(),
            DISPOSED, Set.of());

    /** In the order of the table, for messages and the contract. */
    public static final List<String> ALL = List.of(RECEIVED, VERIFYING, REFERRED_TO_POLICE, CASE_FILED, DISMISSED, DISPOSED);

    /** The statuses a lead waits in before anyone acted on it (IFR_LEAD_STALE). */
    public static final Set<String> PENDING = Set.of(RECEIVED, VERIFYING);

    /** The statuses that end a lead (IFR_LEAD_SCALE watches the others). */
    public static final Set<String> CLOSED = Set.of(DISMISSED, DISPOSED);

    private LeadStatus() {
    }

    public static boolean known(String status) {
        return NEXT.containsKey(status);
    }

    public static boolean allowed(String from, String to) {
        return NEXT.getOrDefault(from, Set.of()).contains(to);
    }
}
