package io.cityfin.reporting.catalogue;

import java.util.List;
import java.util.Set;

/**
 * One of a service's catalogues (risk-service's FINANCING_GUARANTEE, BRIDGE_FUND, PRIVATE_LENDING): the institution
 * types that report it and the codes of its items, all items of the service's {@link Catalogue}.
 */
public record CatalogueSection(String name, Set<String> institutionTypes, List<String> items) {

    public CatalogueSection {
        institutionTypes = Set.copyOf(institutionTypes);
        items = List.copyOf(items);
        if (institutionTypes.isEmpty() || items.isEmpty()) {
            throw new IllegalArgumentException("section " + name + " needs institution types and items");
        }
    }

    public boolean holds(String item) {
        return items.contains(item);
    }
}
