package io.cityfin.platform.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.cityfin.reporting.record.RecordChecks;

/**
 * A government financing platform as sent to {@code PUT /platforms/{uscc}} (data-standard-2.md, "Registry"), with
 * the wire's loose types so that the registry's rules refuse with a pointer: its name, tier ({@code CITY} or
 * {@code COUNTY}), region and its dated status and level history. The USCC is the record's key, not a member.
 */
public record Platform(@Nullable String name, @Nullable String tier, @Nullable String region, @Nullable List<Entry> history) {

    public static final String CITY = "CITY";
    public static final String COUNTY = "COUNTY";
    public static final String ACTIVE = "ACTIVE";
    public static final String SHELL = "SHELL";
    public static final String MERGED = "MERGED";
    public static final String DEREGISTERED = "DEREGISTERED";
    public static final String L1 = "L1";
    public static final String L2 = "L2";

    /** One state, holding from {@code from} until the next entry's date: status, level and (L2, MERGED) the parent's USCC. */
    public record Entry(@Nullable String from, @Nullable String status, @Nullable String level, @Nullable String parent) {

        public @Nullable LocalDate fromDay() {
            return RecordChecks.dayOrNull(from);
        }
    }

    public Platform {
        // not List.copyOf: a null entry stays, for the rules to refuse with its pointer
        history = history == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(history));
    }

    /** The state at {@code day}: the last entry dated on or before it (an entry dated D itself holds at D); empty before the first. */
    public Optional<Entry> stateAt(LocalDate day) {
        Entry state = null;
        for (Entry entry : history == null ? List.<Entry>of() : history) {
            LocalDate from = entry.fromDay();
            if (from != null && !from.isAfter(day)) {
                state = entry;
            }
        }
        return Optional.ofNullable(state);
    }

    /** The status at {@code day}, or {@code null} before the first entry. */
    public @Nullable String statusAt(LocalDate day) {
        return stateAt(day).map(Entry::status).orElse(null);
    }

    /** Whether the status at {@code day} is {@code status}. */
    public boolean is(String status, LocalDate day) {
        return status.equals(statusAt(day));
    }

    /** {@code ACTIVE} at {@code day}, any level. */
    public boolean activeOn(LocalDate day) {
        return is(ACTIVE, day);
    }

    /** {@code ACTIVE} {@code L1} at {@code day}: a first-level company (一级公司), the parent any L2 or MERGED entry may name. */
    public boolean activeL1On(LocalDate day) {
        return stateAt(day).filter(entry -> ACTIVE.equals(entry.status()) && L1.equals(entry.level())).isPresent();
    }

    /** The first day of {@code status} in the history, or {@code null} if it never had it. */
    public @Nullable LocalDate firstDay(String status) {
        for (Entry entry : history == null ? List.<Entry>of() : history) {
            if (status.equals(entry.status()) && entry.fromDay() != null) {
                return entry.fromDay();
            }
        }
        return null;
    }

    /** The day it was deregistered, or {@code null}. */
    public @Nullable LocalDate deregisteredOn() {
        return firstDay(DEREGISTERED);
    }
}
