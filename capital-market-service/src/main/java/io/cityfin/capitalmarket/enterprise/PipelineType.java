package io.cityfin.capitalmarket.enterprise;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cityfin.reporting.record.RecordChecks;

import io.cityfin.common.period.CityClock;
import io.cityfin.common.problem.FieldError;
import io.cityfin.reporting.record.RecordContext;
import io.cityfin.reporting.record.StaffRecordType;
import reactor.core.publisher.Mono;

/**
 * IPO pipelines (挂图作战) as records under their enterprise, keyed by its USCC (data-standard-2.md, "IPO
 * pipelines"); the enterprise's latest content is the context's parent. Refused: a missing target board, stage list,
 * key-candidate list or stage name (MISSING_VALUE); a malformed date (INVALID_DATE) or an actual one after today
 * (DATE_IN_FUTURE); an unknown stage (UNKNOWN_STAGE) or one twice (DUPLICATE_STAGE); {@code actualOn} on stages 1 or 7
 * (ACTUAL_DATE_NOT_ALLOWED); actual dates, the enterprise's included, that decrease along the order
 * (ACTUAL_DATES_DECREASE), or a reached stage after an unreached one (STAGE_REACHED_OUT_OF_ORDER); planned dates that
 * decrease along the order (PLANNED_DATES_DECREASE); an unknown target board (UNKNOWN_BOARD) or one other than an
 * exchange board or OVERSEAS (NOT_A_LISTING_BOARD); a year outside 1990–9999 (INVALID_YEAR) or twice (DUPLICATE_YEAR);
 * a key-candidate year while an unreached stage has no {@code plannedOn} (PLAN_DATE_MISSING); {@code terminatedOn}
 * before the last actual date (TERMINATED_BEFORE_LAST_ACTUAL). Written and read by ADMIN and ANALYST.
 */
public class PipelineType implements StaffRecordType<Pipeline> {

    public static final String COLLECTION = "pipelines";
    private static final int LISTED = Pipeline.STAGES.size() - 1;
    private static final Enterprise NO_ENTERPRISE = new Enterprise(null, null, null, null, null, null);

    private final Clock clock;

    public PipelineType(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Class<Pipeline> contentType() {
        return Pipeline.class;
    }

    @Override
    public Mono<List<FieldError>> faults(Pipeline content, RecordContext context) {
        return Mono.fromSupplier(() -> faults(content, context.parent(Enterprise.class).orElse(NO_ENTERPRISE)));
    }

    /** Every fault of {@code content} for {@code enterprise}'s pipeline, today being the city's. */
    public List<FieldError> faults(Pipeline content, Enterprise enterprise) {
        LocalDate today = CityClock.today(clock);
        RecordRules rules = new RecordRules(clock);
        targetBoard(content.targetBoard(), rules);
        years(content.keyCandidateYears(), rules);
        LocalDate terminated = rules.actualDate(content.terminatedOn(), "/terminatedOn");
        if (!rules.present(content.stages(), "/stages")) {
            return rules.faults();
        }
        Map<Integer, Integer> positions = stageNames(content.stages(), rules);
        if (!rules.isEmpty()) {
            return rules.faults(); // the order rules need every stage named once and every date readable
        }
        plannedOrder(content, positions, rules);
        LocalDate lastActual = actualOrder(content, enterprise, positions, today, rules);
        if (terminated != null && lastActual != null && terminated.isBefore(lastActual)) {
            rules.add("/terminatedOn", "TERMINATED_BEFORE_LAST_ACTUAL", "A pipeline is terminated on or after its last actual date ("
                    + lastActual + ").");
        }
        if (content.keyCandidateYears() != null && !content.keyCandidateYears().isEmpty()) {
            datedPlan(content, enterprise, positions, today, rules);
        }
        return rules.faults();
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    private static void targetBoard(@Nullable String code, RecordRules rules) {
        if (!rules.present(code, "/targetBoard")) {
            return;
        }
        Optional<Board> board = Board.ofCode(code);
        if (board.isEmpty()) {
            rules.add("/targetBoard", "UNKNOWN_BOARD", "A target board is MAIN_BOARD_SH, STAR, MAIN_BOARD_SZ, CHINEXT, BSE or OVERSEAS.");
        } else if (!board.get().isListing()) {
            rules.add("/targetBoard", "NOT_A_LISTING_BOARD", "A pipeline targets an exchange board or OVERSEAS, not " + code + ".");
        }
    }

    private static void years(@Nullable List<@Nullable Integer> years, RecordRules rules) {
        if (!rules.present(years, "/keyCandidateYears")) {
            return;
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < years.size(); i++) {
            Integer year = years.get(i);
            String at = "/keyCandidateYears/" + i;
            if (!rules.present(year, at)) {
                continue;
            }
            if (year < 1990 || year > 9999) {
                rules.add(at, "INVALID_YEAR", "A year is from 1990 to 9999.");
            } else if (!seen.add(year)) {
                rules.add(at, "DUPLICATE_YEAR", year + " is listed twice.");
            }
        }
    }

    /** Each stage's position in the list, by its index in the order; faults for unknown, repeated or undated entries. */
    private static Map<Integer, Integer> stageNames(List<Pipeline.@Nullable Stage> stages, RecordRules rules) {
        Map<Integer, Integer> positions = new HashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            String at = "/stages/" + i;
            Pipeline.Stage stage = stages.get(i);
            if (!rules.present(stage, at) || !rules.present(stage.stage(), at + "/stage")) {
                continue;
            }
            int index = Pipeline.index(stage.stage());
            if (index < 0) {
                rules.add(at + "/stage", "UNKNOWN_STAGE", "A stage is one of " + String.join(", ", Pipeline.STAGES) + ".");
            } else if (positions.putIfAbsent(index, i) != null) {
                rules.add(at + "/stage", "DUPLICATE_STAGE", stage.stage() + " is planned twice.");
            }
            rules.date(stage.plannedOn(), at + "/plannedOn");
            rules.actualDate(stage.actualOn(), at + "/actualOn");
            if (stage.actualOn() != null && (index == 0 || index == LISTED)) {
                rules.add(at + "/actualOn", "ACTUAL_DATE_NOT_ALLOWED", stage.stage() + "'s actual date is the enterprise's ("
                        + (index == 0 ? "shareholdingReform.completedOn" : "the listedOn of its listing on the target board") + ").");
            }
        }
        return positions;
    }

    private static void plannedOrder(Pipeline content, Map<Integer, Integer> positions, RecordRules rules) {
        LocalDate latest = null;
        for (int index = 0; index <= LISTED; index++) {
            Integer position = positions.get(index);
            LocalDate planned = position == null ? null : RecordChecks.dayOrNull(content.stagesOrNone().get(position).plannedOn());
            if (planned == null) {
                continue;
            }
            if (latest != null && planned.isBefore(latest)) {
                rules.add("/stages/" + position + "/plannedOn", "PLANNED_DATES_DECREASE",
                        "A stage is planned on or after the stages before it (" + latest + ").");
            } else {
                latest = planned;
            }
        }
    }

    /**
     * Actual dates must not decrease along the order and no stage may be reached after one that is not (at today); the
     * stages taken into account are 1 and 7 (from the enterprise) and those in the plan. Answers the last actual date.
     */
    private static @Nullable LocalDate actualOrder(Pipeline content, Enterprise enterprise, Map<Integer, Integer> positions,
                                                   LocalDate today, RecordRules rules) {
        LocalDate latest = null;
        Integer unreached = null;
        for (int index = 0; index <= LISTED; index++) {
            Integer position = positions.get(index);
            if (position == null && index != 0 && index != LISTED) {
                continue;
            }
            boolean reached = content.isReachedAt(index, enterprise, today);
            String pointer = pointerOfActual(index, position, unreached, positions);
            if (!reached) {
                unreached = unreached == null ? index : unreached;
                continue;
            }
            if (unreached != null) {
                rules.add(pointer, "STAGE_REACHED_OUT_OF_ORDER", Pipeline.STAGES.get(index) + " is reached while "
                        + Pipeline.STAGES.get(unreached) + " is not.");
            }
            LocalDate actual = content.actualOn(index, enterprise);
            if (actual == null) {
                continue;
            }
            if (latest != null && actual.isBefore(latest)) {
                rules.add(pointer, "ACTUAL_DATES_DECREASE", Pipeline.STAGES.get(index) + " (" + actual
                        + ") is dated before an earlier stage (" + latest + ").");
            } else {
                latest = actual;
            }
        }
        return latest;
    }

    /** Where a fault of stage {@code index}'s actual date points: its entry, or for stages 1 and 7 the entry they clash with. */
    private static String pointerOfActual(int index, @Nullable Integer position, @Nullable Integer unreached, Map<Integer, Integer> positions) {
        if (index != 0 && index != LISTED) {
            return "/stages/" + position + "/actualOn";
        }
        if (unreached != null && positions.containsKey(unreached)) {
            return "/stages/" + positions.get(unreached) + "/actualOn";
        }
        return position != null ? "/stages/" + position : "/stages";
    }

    /** 挂图作战 is a dated plan: with a key-candidate year, every stage not reached today has a plannedOn. */
    private static void datedPlan(Pipeline content, Enterprise enterprise, Map<Integer, Integer> positions, LocalDate today,
                                  RecordRules rules) {
        if (!content.isRunningAt(enterprise, today)) {
            return; // nothing is left to plan
        }
        for (int index = 0; index <= LISTED; index++) {
            if (content.isReachedAt(index, enterprise, today)) {
                continue;
            }
            Integer position = positions.get(index);
            if (position == null) {
                rules.add("/stages", "PLAN_DATE_MISSING", "A key candidate's plan dates every stage not yet reached; "
                        + Pipeline.STAGES.get(index) + " is missing.");
            } else if (content.stagesOrNone().get(position).plannedOn() == null) {
                rules.add("/stages/" + position + "/plannedOn", "PLAN_DATE_MISSING",
                        "A key candidate's plan dates every stage not yet reached.");
            }
        }
    }
}
