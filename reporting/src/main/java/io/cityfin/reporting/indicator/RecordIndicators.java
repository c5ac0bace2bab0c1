package io.cityfin.reporting.indicator;

import java.util.ArrayList;
import java.util.List;

/**
 * A service's indicators on records, one bean per group: the measures ({@link RecordRows}), the figures imported from
 * other services' published indicators ({@link Imported}) and the indicators derived from their figures. The
 * machinery's {@link RecordIndicatorSource} serves every such bean. A group marked {@link #cityWideOnly()} shows its
 * region figures to staff only: SUBMITTER and PORTAL callers get them {@code suppressed} (data-standard-2.md: risk's
 * lead, case and alert indicators are city-wide only for them).
 */
public record RecordIndicators(List<RecordMeasure<?>> measures, List<Imported> imports, List<IndicatorDefinition> derived,
                               boolean cityWideOnlyForPublic) {

    public RecordIndicators {
        measures = List.copyOf(measures);
        imports = List.copyOf(imports);
        derived = List.copyOf(derived);
    }

    public RecordIndicators(List<RecordMeasure<?>> measures, List<Imported> imports, List<IndicatorDefinition> derived) {
        this(measures, imports, derived, false);
    }

    public RecordIndicators(List<RecordMeasure<?>> measures, List<IndicatorDefinition> derived) {
        this(measures, List.of(), derived);
    }

    public static RecordIndicators of(RecordMeasure<?>... measures) {
        return new RecordIndicators(List.of(measures), List.of(), List.of());
    }

    /** The same measures plus indicators derived from their figures. */
    public RecordIndicators with(IndicatorDefinition... more) {
        List<IndicatorDefinition> all = new ArrayList<>(derived);
        all.addAll(List.of(more));
        return new RecordIndicators(measures, imports, all, cityWideOnlyForPublic);
    }

    /** The same plus figures imported from other services' published indicators. */
    public RecordIndicators importing(Imported... more) {
        List<Imported> all = new ArrayList<>(imports);
        all.addAll(List.of(more));
        return new RecordIndicators(measures, all, derived, cityWideOnlyForPublic);
    }

    /** The same indicators, their region figures withheld from SUBMITTER and PORTAL callers (city-wide only). */
    public RecordIndicators cityWideOnly() {
        return new RecordIndicators(measures, imports, derived, true);
    }

    /** Every indicator served: the measured ones (not those only feeding others), the imported ones, then the derived ones. */
    public List<IndicatorDefinition> definitions() {
        List<IndicatorDefinition> all = new ArrayList<>();
        measures.stream().filter(RecordMeasure::served).forEach(measure -> all.add(measure.definition()));
        imports.forEach(imported -> all.add(imported.definition()));
        all.addAll(derived);
        return all;
    }
}
