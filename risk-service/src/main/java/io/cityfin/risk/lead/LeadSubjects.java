package io.cityfin.risk.lead;

import java.util.UUID;

/** How an alert names a lead: its subject firm's name, or its category and id. */
final class LeadSubjects {

    private LeadSubjects() {
    }

    static String name(Lead lead, UUID id) {
        if (lead.subject() != null && lead.subject().name() != null && !lead.subject().name().isBlank()) {
            return lead.subject().name();
        }
        return lead.category() + " " + id;
    }
}
