package io.cityfin.capitalmarket.enterprise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.cityfin.reporting.indicator.RecordRows;
import io.cityfin.reporting.record.RecordChecks;

/**
 * An enterprise's IPO pipeline (挂图作战) as sent to {@code PUT /enterprises/{uscc}/pipeline}: the target board, the
 * sponsor, the years it is a key candidate, when it was terminated (终止、撤回), and the planned and actual dates of
 * its stages (a stage left out has none). Its state at a day D needs the enterprise: stage 1's actual date is the
 * reform's {@code completedOn}, stage 7's the {@code listedOn} of the listing on the target board.
 */
public record Pipeline(@Nullable String targetBoard, @Nullable String sponsor, @Nullable List<Integer> keyCandidateYears,
                       @Nullable String terminatedOn, @Nullable List<Stage> stages) {

    /** One stage's plan and, for stages 2–6, its actual date. */
    public record Stage(@Nullable String stage, @Nullable String plannedOn, @Nullable String actualOn) {
    }

    /** The stages in their order; the ones at {@link #index} 1 to 5 carry their own actual date. */
    public static final List<String> STAGES = List.of("SHAREHOLDING_REFORM", "TUTORING_FILED", "TUTORING_ACCEPTED",
            "APPLICATION_FILED", "APPROVED", "REGISTERED", "LISTED");
    public static final String NONE = "NONE";

    /** A stage's place in the order, 0 to 6; -1 for an unknown one. */
    public static int index(@Nullable String stage) {
        return stage == null ? -1 : STAGES.indexOf(stage);
    }

    /** The stages, none when absent. */
    public List<Stage> stagesOrNone() {
        return stages == null ? List.of() : stages.stream().filter(Objects::nonNull).toList();
    }

    /** The entry of {@code stage} in the plan, if there is one. */
    public Optional<Stage> entry(String stage) {
        return stagesOrNone().stream().filter(entry -> stage.equals(entry.stage())).findFirst();
    }

    public @Nullable LocalDate terminatedDay() {
        return RecordChecks.dayOrNull(terminatedOn);
    }

    /**
     * The actual date of the stage at {@code index} for {@code enterprise} (null when not reached, or reached
     * undated: an undated {@code COMPLETED} reform).
     */
    public @Nullable LocalDate actualOn(int index, Enterprise enterprise) {
        if (index == 0) {
            return enterprise.reformCompletedOn();
        }
        if (index == STAGES.size() - 1) {
            return Board.ofCode(String.valueOf(targetBoard)).map(enterprise::firstListedOn).orElse(null);
        }
        return entry(STAGES.get(index)).map(entry -> RecordChecks.dayOrNull(entry.actualOn())).orElse(null);
    }

    /** The stage at {@code index} reached at D: its actual date on or before D (an undated completed reform always). */
    public boolean isReachedAt(int index, Enterprise enterprise, LocalDate day) {
        if (index == 0) {
            return enterprise.isReformCompletedBy(day);
        }
        return RecordRows.byDay(actualOn(index, enterprise), day);
    }

    /** The last stage reached at D, or {@code NONE}. */
    public String lastReachedAt(Enterprise enterprise, LocalDate day) {
        for (int index = STAGES.size() - 1; index >= 0; index--) {
            if (isReachedAt(index, enterprise, day)) {
                return STAGES.get(index);
            }
        }
        return NONE;
    }

    /** Terminated (终止、撤回) on or before D. */
    public boolean isTerminatedBy(LocalDate day) {
        return RecordRows.byDay(terminatedDay(), day);
    }

    /** Listed on the target board by D: stage 7 reached. */
    public boolean isListedBy(Enterprise enterprise, LocalDate day) {
        return isReachedAt(STAGES.size() - 1, enterprise, day);
    }

    /** Neither terminated nor listed by D (IPO_PIPELINE_COUNT). */
    public boolean isRunningAt(Enterprise enterprise, LocalDate day) {
        return !isTerminatedBy(day) && !isListedBy(enterprise, day);
    }

    /** D's year among the key-candidate years and not terminated by D (KEY_IPO_CANDIDATE_COUNT). */
    public boolean isKeyCandidateAt(LocalDate day) {
        return keyCandidateYears != null && keyCandidateYears.contains(day.getYear()) && !isTerminatedBy(day);
    }

    /** The stages overdue at D: planned before D, not reached at D, the pipeline running at D. */
    public List<String> overdueAt(Enterprise enterprise, LocalDate day) {
        List<String> overdue = new ArrayList<>();
        if (!isRunningAt(enterprise, day)) {
            return overdue;
        }
        for (Stage entry : stagesOrNone()) {
            int index = index(entry.stage());
            LocalDate planned = RecordChecks.dayOrNull(entry.plannedOn());
            if (index >= 0 && planned != null && planned.isBefore(day) && !isReachedAt(index, enterprise, day)) {
                overdue.add(entry.stage());
            }
        }
        return overdue;
    }
}
