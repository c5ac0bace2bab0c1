package io.cityfin.platform.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.problem.FieldError;
import io.cityfin.common.problem.InvalidParameterException;
import io.cityfin.common.region.Region;
import io.cityfin.common.uscc.Uscc;
import io.cityfin.reporting.record.RecordChecks;
import io.cityfin.reporting.record.RecordContext;
import io.cityfin.reporting.record.RecordJson;
import io.cityfin.reporting.record.RecordStatus;
import io.cityfin.reporting.record.StaffRecordType;
import io.cityfin.reporting.record.Records;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Platforms as records keyed by USCC (data-standard-2.md, "Registry"), written and read by ADMIN and ANALYST, listed
 * under their region. Refused (the codes of platforms.yaml): a missing member; an unknown tier, region, status or
 * level; a CITY platform off 361000 or a COUNTY one on it; {@code from} dates not strictly increasing or after today;
 * a status not allowed to follow the one before ({@link #ALLOWED_AFTER}); an L2 or MERGED entry without a parent, an
 * L1 ACTIVE or SHELL entry with one; a parent that is the platform itself or not an L1 ACTIVE platform record (not
 * withdrawn) at the entry's {@code from}.
 */
public class PlatformType implements StaffRecordType<Platform> {

    public static final String COLLECTION = "platforms";
    static final Set<String> TIERS = Set.of(Platform.CITY, Platform.COUNTY);
    static final Set<String> LEVELS = Set.of(Platform.L1, Platform.L2);

    /** The statuses each status may follow; {@code null} stands for "no entry before" (the first entry). */
    static final Map<String, Set<@Nullable String>> ALLOWED_AFTER = Map.of(
            Platform.ACTIVE, nullable(null, Platform.SHELL, Platform.ACTIVE),
            Platform.SHELL, nullable(null, Platform.ACTIVE),
            Platform.MERGED, nullable(Platform.ACTIVE, Platform.SHELL),
            Platform.DEREGISTERED, nullable(Platform.ACTIVE, Platform.SHELL, Platform.MERGED));

    private final Clock clock;
    private final Records records;

    public PlatformType(Clock clock, Records records) {
        this.clock = clock;
        this.records = records;
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Class<Platform> contentType() {
        return Platform.class;
    }

    @Override
    public @Nullable String region(Platform content) {
        return content.region();
    }

    /** Every fault, the parents named in the history read first (the latest version of each, not withdrawn). */
    @Override
    public Mono<List<FieldError>> faults(Platform content, RecordContext context) {
        return Flux.fromIterable(parentKeys(content, context.key()))
                .concatMap(key -> records.latestByKey(COLLECTION, key).filter(version -> version.status() == RecordStatus.ACTIVE)
                        .map(version -> Map.entry(key, RecordJson.read(version.content(), Platform.class))))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(parents -> faults(content, context.key(), parents::get));
    }

    /** Every fault of {@code content} of the platform {@code key}, its parents found by {@code platforms} (null: none). */
    public List<FieldError> faults(Platform content, @Nullable String key, Function<String, @Nullable Platform> platforms) {
        List<FieldError> faults = new ArrayList<>();
        RecordChecks.present(content.name(), "/name", faults);
        String tier = content.tier();
        boolean tierKnown = RecordChecks.present(tier, "/tier", faults) && TIERS.contains(tier);
        if (tier != null && !tier.isBlank() && !tierKnown) {
            faults.add(FieldError.atPointer("/tier", "UNKNOWN_TIER", "A tier is CITY or COUNTY."));
        }
        if (RecordChecks.region(content.region(), true, "/region", faults) && tierKnown
                && Platform.CITY.equals(tier) != Region.ofCode(content.region()).map(Region::isCity).orElse(false)) {
            faults.add(FieldError.atPointer("/region", "TIER_REGION_MISMATCH",
                    "A CITY platform is on 361000; a COUNTY platform on its county-level code, never 361000."));
        }
        history(content.history(), key, platforms, faults);
        return faults;
    }

    private void history(@Nullable List<Platform.@Nullable Entry> history, @Nullable String key, Function<String, @Nullable Platform> platforms,
                         List<FieldError> faults) {
        if (!RecordChecks.present(history, "/history", faults)) {
            return;
        }
        if (history.isEmpty()) {
            faults.add(FieldError.atPointer("/history", RecordChecks.MISSING_VALUE, "A platform's history has at least one entry."));
            return;
        }
        LocalDate lastFrom = null;
        Platform.Entry before = null;
        boolean beforeKnown = true; // false when the entry before has no status to judge this one's by
        for (int i = 0; i < history.size(); i++) {
            String at = "/history/" + i;
            Platform.Entry entry = history.get(i);
            if (!RecordChecks.present(entry, at, faults)) {
                beforeKnown = false;
                continue;
            }
            LocalDate from = RecordChecks.actualDate(entry.from(), true, at + "/from", clock, faults).orElse(null);
            if (from != null && lastFrom != null && !from.isAfter(lastFrom)) {
                faults.add(FieldError.atPointer(at + "/from", "HISTORY_NOT_INCREASING", "Each entry's from is after the entry before's."));
            }
            lastFrom = from != null ? from : lastFrom;
            boolean statusKnown = oneOf(entry.status(), ALLOWED_AFTER.keySet(), at + "/status", "UNKNOWN_PLATFORM_STATUS",
                    "A platform's status is ACTIVE, SHELL, MERGED or DEREGISTERED.", faults);
            boolean levelKnown = oneOf(entry.level(), LEVELS, at + "/level", "UNKNOWN_LEVEL", "A level is L1 or L2.", faults);
            if (statusKnown && beforeKnown && !follows(entry, before)) {
                faults.add(FieldError.atPointer(at + "/status", "STATUS_NOT_ALLOWED", before == null
                        ? "A platform's first entry is ACTIVE or SHELL."
                        : entry.status() + " may not follow " + before.status() + (entry.status().equals(before.status())
                                ? " with the same level and parent." : ".")));
            }
            if (statusKnown && levelKnown) {
                parent(entry, from, key, platforms, at + "/parent", faults);
            }
            before = entry;
            beforeKnown = statusKnown;
        }
    }

    /** Whether {@code entry}'s status may follow {@code before}'s (ACTIVE after ACTIVE only with a new level or parent). */
    static boolean follows(Platform.Entry entry, Platform.@Nullable Entry before) {
        String previous = before == null ? null : before.status();
        if (!ALLOWED_AFTER.get(entry.status()).contains(previous)) {
            return false;
        }
        return !(Platform.ACTIVE.equals(previous) && Platform.ACTIVE.equals(entry.status())
                && Objects.equals(before.level(), entry.level()) && Objects.equals(before.parent(), entry.parent()));
    }

    private static void parent(Platform.Entry entry, @Nullable LocalDate from, @Nullable String key, Function<String, @Nullable Platform> platforms,
                               String pointer, List<FieldError> faults) {
        String parent = entry.parent();
        boolean needsOne = Platform.L2.equals(entry.level()) || Platform.MERGED.equals(entry.status());
        boolean takesNone = Platform.L1.equals(entry.level()) && (Platform.ACTIVE.equals(entry.status()) || Platform.SHELL.equals(entry.status()));
        if (parent == null) {
            if (needsOne) {
                faults.add(FieldError.atPointer(pointer, "PARENT_MISSING", "An L2 or MERGED entry names its parent platform."));
            }
        } else if (takesNone) {
            faults.add(FieldError.atPointer(pointer, "PARENT_NOT_ALLOWED", "An L1 ACTIVE or SHELL entry has no parent."));
        } else if (!Uscc.isValid(parent)) {
            faults.add(FieldError.atPointer(pointer, Uscc.INVALID_USCC, Uscc.RULE));
        } else if (parent.equals(key)) {
            faults.add(FieldError.atPointer(pointer, "PARENT_IS_ITSELF", "A platform is not its own parent."));
        } else if (from != null) {
            Platform found = platforms.apply(parent);
            if (found == null || !found.activeL1On(from)) {
                faults.add(FieldError.atPointer(pointer, "PARENT_NOT_ACTIVE_L1", found == null
                        ? "No platform " + parent + " is recorded: a parent is an L1 platform ACTIVE at the entry's from."
                        : "The parent " + parent + " is not L1 ACTIVE on " + from + "."));
            }
        }
    }

    /** The parents the history names that are well-formed USCCs other than the platform's own. */
    static Set<String> parentKeys(Platform content, @Nullable String key) {
        Set<String> keys = new LinkedHashSet<>();
        for (Platform.Entry entry : content.history() == null ? List.<Platform.@Nullable Entry>of() : content.history()) {
            if (entry != null && entry.parent() != null && Uscc.isValid(entry.parent()) && !entry.parent().equals(key)) {
                keys.add(entry.parent());
            }
        }
        return keys;
    }

    /** A required code among {@code allowed}: MISSING_VALUE when absent, {@code code} when unknown; whether it may be used. */
    public static boolean oneOf(@Nullable String value, Collection<String> allowed, String pointer, String code, String message,
                                List<FieldError> faults) {
        if (!RecordChecks.present(value, pointer, faults)) {
            return false;
        }
        if (!allowed.contains(value)) {
            faults.add(FieldError.atPointer(pointer, code, message));
            return false;
        }
        return true;
    }

    /** A platform's USCC as a path names it (a platform's, or its ratings'); a 400 naming {@code uscc} when malformed. */
    public static String key(String uscc) {
        if (!Uscc.isValid(uscc)) {
            throw new InvalidParameterException("uscc", Uscc.INVALID_USCC, Uscc.RULE);
        }
        return uscc;
    }

    private static Set<@Nullable String> nullable(@Nullable String... statuses) {
        Set<@Nullable String> set = new java.util.HashSet<>();
        java.util.Collections.addAll(set, statuses);
        return java.util.Collections.unmodifiableSet(set);
    }
}
