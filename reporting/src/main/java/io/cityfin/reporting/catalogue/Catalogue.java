package io.cityfin.reporting.catalogue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a service configures the machinery with (one bean): its name, the items its institutions report, the
 * institution types its registry takes, and, where the institution's type picks what it reports, the sections: each
 * a catalogue of its own for some types (an institution of a type in no section then reports nothing). Without
 * sections every institution may report every item.
 */
public record Catalogue(String service, List<Item> items, Set<String> institutionTypes, List<CatalogueSection> sections) {

    public Catalogue {
        items = List.copyOf(items);
        institutionTypes = Set.copyOf(institutionTypes);
        sections = List.copyOf(sections);
        Set<String> codes = items.stream().map(Item::code).collect(Collectors.toSet());
        Set<String> sectionTypes = new HashSet<>();
        for (CatalogueSection section : sections) {
            for (String item : section.items()) {
                if (!codes.contains(item)) {
                    throw new IllegalArgumentException("section " + section.name() + " names " + item + ", no item of " + service);
                }
            }
            for (String type : section.institutionTypes()) {
                if (!institutionTypes.contains(type)) {
                    throw new IllegalArgumentException("section " + section.name() + " names " + type + ", no institution type of " + service);
                }
                if (!sectionTypes.add(type)) {
                    throw new IllegalArgumentException(type + " is in two sections of " + service);
                }
            }
        }
    }

    /** A catalogue without sections: every institution may report every item. */
    public Catalogue(String service, List<Item> items, Set<String> institutionTypes) {
        this(service, items, institutionTypes, List.of());
    }

    public Optional<Item> item(String code) {
        return Optional.ofNullable(byCode().get(code));
    }

    public boolean hasSections() {
        return !sections.isEmpty();
    }

    /** The section an institution of {@code institutionType} reports, if any. */
    public Optional<CatalogueSection> sectionFor(String institutionType) {
        return sections.stream().filter(section -> section.institutionTypes().contains(institutionType)).findFirst();
    }

    /** Whether an institution of {@code institutionType} reports at all: every type without sections, else one with a section. */
    public boolean reports(String institutionType) {
        return !hasSections() || sectionFor(institutionType).isPresent();
    }

    /** The institution types expected to report at all: every type without sections (empty), else those of a section. */
    public Optional<Set<String>> reportingTypes() {
        if (!hasSections()) {
            return Optional.empty();
        }
        return Optional.of(sections.stream().flatMap(section -> section.institutionTypes().stream()).collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * The institution types expected to report any of {@code items} (an indicator's inputs): every type without
     * sections (empty), else those of the sections holding one of them.
     */
    public Optional<Set<String>> typesReporting(Set<String> items) {
        if (!hasSections()) {
            return Optional.empty();
        }
        return Optional.of(sections.stream().filter(section -> items.stream().anyMatch(section::holds))
                .flatMap(section -> section.institutionTypes().stream()).collect(Collectors.toUnmodifiableSet()));
    }

    private Map<String, Item> byCode() {
        Map<String, Item> byCode = new LinkedHashMap<>();
        items.forEach(item -> byCode.put(item.code(), item));
        return byCode;
    }
}
