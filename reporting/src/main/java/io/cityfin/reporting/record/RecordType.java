package io.cityfin.reporting.record;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.identity.AccessRule;
import io.cityfin.common.identity.Role;
import io.cityfin.common.problem.FieldError;
import reactor.core.publisher.Mono;

/**
 * What a service tells the record machinery about one collection: its name, its content type, its refusal and warning
 * rules, the values it claims uniquely, its region and whose it is. The content type {@code T} is a Java record that
 * keeps the wire's loose types (strings, decimals, nested records and lists), so that rules, not a parser, answer with
 * a pointer; {@link RecordJson} writes it canonically and reads it back.
 */
public interface RecordType<T> {

    /** The collection's name, such as {@code investments}; part of every key. */
    String collection();

    /** The content's class: a Java record whose components are the wire members in the canonical order. */
    Class<T> contentType();

    /**
     * Every fault of the content at once (a pointer and a code each); empty when it may be stored. {@code context}
     * carries the record's natural key, its parent's latest content and its own latest content, where there are.
     */
    Mono<List<FieldError>> faults(T content, RecordContext context);

    /** The warnings the content is accepted with, stored on its version (a pointer and a code each). */
    default List<RecordWarning> warnings(T content, RecordContext context) {
        return List.of();
    }

    /**
     * The values this content holds that no other record of the collection may hold at the same time: checked and
     * taken in the write's transaction (so of two concurrent writes exactly one wins), released by a version without
     * them or a withdrawal.
     */
    default List<UniqueClaim> claims(T content) {
        return List.of();
    }

    /** The county-level (or 361000) region the record is filed under, for filtering lists; null when it has none. */
    default @Nullable String region(T content) {
        return null;
    }

    /**
     * The day of the content's latest event (a lead's latest status, an action's date), whose month is the period a
     * service re-evaluates what depends on the record once a version is stored ({@link RecordAccepted}); null: none.
     */
    default @Nullable LocalDate day(T content) {
        return null;
    }

    /** The institution whose SUBMITTER may write and read the record; null when only staff may. */
    @Nullable String owner(T content);

    /** Who may write this content: ADMIN, or the owner's SUBMITTER. */
    default AccessRule writer(T content) {
        String owner = owner(content);
        return owner == null ? AccessRule.admin() : AccessRule.institutionOrAdmin(owner);
    }

    /**
     * Whether every role reads every record of the collection ({@link PublicRecordType}): its lists then answer any
     * role, uncut by owner.
     */
    default boolean readByEveryRole() {
        return false;
    }

    /** Who may read this content: ADMIN and ANALYST, or the owner's SUBMITTER. */
    default AccessRule reader(T content) {
        String owner = owner(content);
        return owner == null ? AccessRule.anyOf(Role.ADMIN, Role.ANALYST) : AccessRule.institutionOrStaff(owner);
    }
}
