package io.cityfin.reporting.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

import io.cityfin.reporting.demo.DemoData;
import io.cityfin.reporting.demo.DemoData.Institution;
import io.cityfin.reporting.demo.DemoData.Line;
import io.cityfin.reporting.demo.DemoData.Report;
import io.cityfin.reporting.demo.DemoData.Target;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's demo file ({@code demo/<service>-demo.json}) read strictly into the loader's {@link DemoData} records,
 * with the totals and the data-standard rules every service's {@code <Name>DemoDataTest} checks. The service's test
 * keeps its document figures, items and own rules; each rule here answers a list of faults, empty when all is well,
 * naming the report, line or county figure that breaks it otherwise.
 */
public final class DemoDataChecks {

    /** The county-level regions of data-standard.md "Regions"; 361000 (the city) never appears on a line. */
    public static final List<String> COUNTIES = List.of("361002", "361003", "361021", "361022", "361023", "361024",
            "361025", "361026", "361027", "361028", "361030", "361090");

    /** An institution code of data-standard.md. */
    public static final Pattern INSTITUTION_CODE = Pattern.compile("^[0-9A-Z]{4,32}$");

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final String text;
    private final DemoData data;

    private DemoDataChecks(String text, DemoData data) {
        this.text = text;
        this.data = data;
    }

    /**
     * Reads a demo file from the classpath ({@code /demo/credit-demo.json}). Besides institutions, reports and
     * targets it may hold only the top-level {@code ownRecords} the service's own loader reads (insurance's
     * {@code investments}) and the machinery's {@code publishedFigures}; any other field, there or deeper, fails.
     */
    public static DemoDataChecks read(String resource, String... ownRecords) throws IOException {
        try (InputStream in = DemoDataChecks.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            return of(new String(in.readAllBytes(), StandardCharsets.UTF_8), ownRecords);
        }
    }

    /** Reads a demo file's text, as {@link #read} does. */
    public static DemoDataChecks of(String text, String... ownRecords) {
        JsonMapper mapper = STRICT.rebuild()
                .withConfigOverride(DemoData.class,
                        override -> override.setIgnorals(JsonIgnoreProperties.Value.forIgnoredProperties(machineryRecords(ownRecords))))
                .build();
        return new DemoDataChecks(text, mapper.readValue(text, DemoData.class));
    }

    /** The service's own records and the machinery's ({@code publishedFigures}, any service's demo file may hold them). */
    private static String[] machineryRecords(String... ownRecords) {
        List<String> all = new ArrayList<>(List.of(ownRecords));
        all.add("publishedFigures");
        return all.toArray(String[]::new);
    }

    /** The service's own top-level records ({@code "investments"}), read as strictly as the rest. */
    public <R> List<R> records(String name, Class<R> type) {
        return STRICT.readerFor(STRICT.getTypeFactory().constructCollectionType(List.class, type))
                .at("/" + name)
                .readValue(text);
    }

    public List<Institution> institutions() {
        return data.institutions();
    }

    public List<Report> reports() {
        return data.reports();
    }

    public @Nullable Map<String, List<Target>> targets() {
        return data.targets();
    }

    public Map<String, Institution> registry() {
        return data.institutions().stream().collect(Collectors.toMap(Institution::code, institution -> institution));
    }

    public List<Report> reportsOf(String period) {
        return data.reports().stream().filter(report -> report.period().equals(period)).toList();
    }

    /** The periods reported, in order. */
    public List<String> periods() {
        return data.reports().stream().map(Report::period).distinct().sorted().toList();
    }

    /** An item's total over every report and region of a period: the city figure. */
    public BigDecimal cityTotal(String period, String item) {
        return total(period, line -> line.item().equals(item));
    }

    public BigDecimal countyTotal(String period, String county, String item) {
        return total(period, line -> line.item().equals(item) && line.region().equals(county));
    }

    /** Asserts a city total is the figure the source document prints ({@code document} quotes it). */
    public void assertCityTotal(String period, String item, String expected, String document) {
        assertThat(cityTotal(period, item)).as(period + " " + item + ": " + document).isEqualByComparingTo(expected);
    }

    public BigDecimal target(String year, String indicator) {
        return data.targets().get(year).stream()
                .filter(target -> target.indicator().equals(indicator))
                .map(Target::value)
                .findFirst()
                .orElseThrow();
    }

    /** Every line for which {@code broken} holds, named by its report. */
    public List<String> faults(BiPredicate<Report, Line> broken) {
        List<String> faults = new ArrayList<>();
        for (Report report : data.reports()) {
            report.lines().stream()
                    .filter(line -> broken.test(report, line))
                    .forEach(line -> faults.add(label(report) + ": " + line));
        }
        return faults;
    }

    /** Lines that repeat an item and region already in their report. */
    public List<String> repeatedItemsAndRegions() {
        List<String> faults = new ArrayList<>();
        for (Report report : data.reports()) {
            Set<String> seen = new HashSet<>();
            report.lines().stream()
                    .filter(line -> !seen.add(line.item() + "@" + line.region()))
                    .forEach(line -> faults.add(label(report) + " repeats " + line));
        }
        return faults;
    }

    /** Parts above their total (none reported counts as 0) in the same region of one report: PART_EXCEEDS_TOTAL. */
    public List<String> partsAboveTotal(String total, Collection<String> parts) {
        List<String> faults = new ArrayList<>();
        for (Report report : data.reports()) {
            byRegion(report).forEach((region, items) -> parts.stream()
                    .filter(items::containsKey)
                    .filter(part -> items.getOrDefault(total, BigDecimal.ZERO).compareTo(items.get(part)) < 0)
                    .forEach(part -> faults.add(label(report) + " " + region + ": " + part + " above " + total)));
        }
        return faults;
    }

    /**
     * County figures that disclosure control would withhold: for every period, every item reported in it and every
     * county, fewer than {@code contributors} institutions with a positive line.
     */
    public List<String> countyFiguresFromFewerThan(int contributors) {
        List<String> faults = new ArrayList<>();
        for (String period : periods()) {
            List<Report> reports = reportsOf(period);
            Set<String> itemsOfPeriod = reports.stream()
                    .flatMap(report -> report.lines().stream())
                    .map(Line::item)
                    .collect(Collectors.toSet());
            for (String item : itemsOfPeriod) {
                for (String county : COUNTIES) {
                    long contributing = reports.stream()
                            .filter(report -> report.lines().stream().anyMatch(line -> line.item().equals(item)
                                    && line.region().equals(county) && line.value().signum() > 0))
                            .count();
                    if (contributing < contributors) {
                        faults.add(period + " " + county + " " + item + ": " + contributing + " contributor(s)");
                    }
                }
            }
        }
        return faults;
    }

    /** Two reports of one institution, {@code earlier} and {@code later} by month. */
    public record ReportPair(Report earlier, Report later) {
    }

    /** Every pair of one institution's reports whose months ({@code earlier}, {@code later}) satisfy {@code months}. */
    public List<ReportPair> pairsOfOneInstitution(BiPredicate<YearMonth, YearMonth> months) {
        List<ReportPair> pairs = new ArrayList<>();
        for (Report earlier : data.reports()) {
            for (Report later : data.reports()) {
                if (later.institution().equals(earlier.institution()) && months.test(month(earlier), month(later))) {
                    pairs.add(new ReportPair(earlier, later));
                }
            }
        }
        return pairs;
    }

    /** Year-to-date items whose institution total falls in a later report of the same year (missing counts as 0). */
    public List<String> yearToDateFalls(Predicate<String> yearToDate) {
        List<String> faults = new ArrayList<>();
        for (ReportPair pair : pairsOfOneInstitution((earlier, later) -> later.getYear() == earlier.getYear()
                && later.isAfter(earlier))) {
            Map<String, BigDecimal> laterTotals = totalsByItem(pair.later());
            totalsByItem(pair.earlier()).forEach((item, value) -> {
                if (yearToDate.test(item) && laterTotals.getOrDefault(item, BigDecimal.ZERO).compareTo(value) < 0) {
                    faults.add(label(pair.later()) + " " + item + " below " + pair.earlier().period());
                }
            });
        }
        return faults;
    }

    /**
     * Gaps in reporting: a report given twice, a registered institution not reporting, or one that does not report
     * in exactly these {@code periods} or reports other items or regions from one period to the next.
     */
    public List<String> reportingGaps(String... periods) {
        List<String> faults = new ArrayList<>();
        Map<String, Map<String, Set<String>>> itemsByInstitutionAndPeriod = new TreeMap<>();
        for (Report report : data.reports()) {
            Set<String> items = report.lines().stream()
                    .map(line -> line.item() + "@" + line.region())
                    .collect(Collectors.toSet());
            Map<String, Set<String>> byPeriod =
                    itemsByInstitutionAndPeriod.computeIfAbsent(report.institution(), code -> new TreeMap<>());
            if (byPeriod.put(report.period(), items) != null) {
                faults.add(label(report) + " twice");
            }
        }
        if (itemsByInstitutionAndPeriod.size() != data.institutions().size()) {
            faults.add(itemsByInstitutionAndPeriod.size() + " institutions report, " + data.institutions().size()
                    + " are registered");
        }
        itemsByInstitutionAndPeriod.forEach((code, byPeriod) -> {
            if (!List.copyOf(byPeriod.keySet()).equals(List.of(periods))) {
                faults.add(code + " reports in " + byPeriod.keySet() + ", not in " + List.of(periods));
            }
            if (Set.copyOf(byPeriod.values()).size() != 1) {
                faults.add(code + " does not report the same items in every period");
            }
        });
        return faults;
    }

    /**
     * Institutions the registry would not take or that would not cover the demo: a repeated code or one not of the
     * data standard's shape, a type not in {@code types}, a home that is not a county, no name, activity starting on or
     * after {@code activeBefore}, or an end of activity.
     */
    public List<String> institutionFaults(Set<String> types, LocalDate activeBefore) {
        List<String> faults = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (Institution institution : data.institutions()) {
            String code = institution.code();
            if (!codes.add(code)) {
                faults.add(code + " twice");
            }
            if (!INSTITUTION_CODE.matcher(code).matches()) {
                faults.add(code + ": not an institution code");
            }
            if (!types.contains(institution.type())) {
                faults.add(code + ": type " + institution.type());
            }
            if (!COUNTIES.contains(institution.region())) {
                faults.add(code + ": home " + institution.region() + " is not a county");
            }
            if (institution.name().isBlank()) {
                faults.add(code + ": no name");
            }
            if (!institution.activeFrom().isBefore(activeBefore)) {
                faults.add(code + ": active from " + institution.activeFrom());
            }
            if (institution.activeTo() != null) {
                faults.add(code + ": active to " + institution.activeTo());
            }
        }
        return faults;
    }

    /** Reports from an unknown institution, from one not active on the first day of their period, or without lines. */
    public List<String> reportsNotFromAnActiveInstitution() {
        Map<String, Institution> registry = registry();
        List<String> faults = new ArrayList<>();
        for (Report report : data.reports()) {
            Institution institution = registry.get(report.institution());
            if (institution == null) {
                faults.add(label(report) + ": not registered");
            } else if (institution.activeFrom().isAfter(month(report).atDay(1))) {
                faults.add(label(report) + ": active only from " + institution.activeFrom());
            }
            if (report.lines().isEmpty()) {
                faults.add(label(report) + ": no lines");
            }
        }
        return faults;
    }

    /** Numbers of these fields ({@code "value"}) written in exponent notation, as the file's text has them. */
    public List<String> numbersInExponentNotation(String... fields) {
        Matcher matcher = Pattern.compile("\"(" + String.join("|", fields) + ")\":\\s*-?[0-9.]+[eE]").matcher(text);
        List<String> faults = new ArrayList<>();
        while (matcher.find()) {
            faults.add(matcher.group());
        }
        return faults;
    }

    /** A report's values by region, then item. */
    public static Map<String, Map<String, BigDecimal>> byRegion(Report report) {
        Map<String, Map<String, BigDecimal>> byRegion = new HashMap<>();
        report.lines().forEach(line -> byRegion.computeIfAbsent(line.region(), region -> new HashMap<>())
                .put(line.item(), line.value()));
        return byRegion;
    }

    /** A report's values by item, summed over its regions. */
    public static Map<String, BigDecimal> totalsByItem(Report report) {
        return report.lines().stream().collect(Collectors.toMap(Line::item, Line::value, BigDecimal::add));
    }

    public static YearMonth month(Report report) {
        return YearMonth.parse(report.period());
    }

    /** A report as a fault names it: institution and period. */
    public static String label(Report report) {
        return report.institution() + " " + report.period();
    }

    /** Decimal places a value needs (trailing zeros do not count). */
    public static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    /** {@code part} as a percentage of {@code whole}, rounded half-up to 2 decimals as published. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
    }

    private BigDecimal total(String period, Predicate<Line> counted) {
        return reportsOf(period).stream()
                .flatMap(report -> report.lines().stream())
                .filter(counted)
                .map(Line::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
