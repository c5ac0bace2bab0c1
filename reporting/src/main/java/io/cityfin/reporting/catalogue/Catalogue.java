package io.cityfin.reporting.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a service configures the machinery with (one bean): its name, the items its institutions report, and the
 * institution types its registry takes.
 */
public record Catalogue(String service, List<Item> items, Set<String> institutionTypes) {

    public Catalogue {
        items = List.copyOf(items);
        institutionTypes = Set.copyOf(institutionTypes);
    }

    public Optional<Item> item(String code) {
        return Optional.ofNullable(byCode().get(code));
    }

    private Map<String, Item> byCode() {
        Map<String, Item> byCode = new LinkedHashMap<>();
        items.forEach(item -> byCode.put(item.code(), item));
        return byCode;
    }
}
