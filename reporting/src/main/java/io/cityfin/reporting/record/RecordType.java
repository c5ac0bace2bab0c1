package io.cityfin.reporting.record;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.identity.AccessRule;
import io.cityfin.common.identity.Role;
import io.cityfin.common.problem.FieldError;
import reactor.core.publisher.Mono;

/**
 * What a service tells the record machinery about one collection: its name, its canonical JSON (both ways), its
 * refusal rules and whose it is. The content type {@code T} keeps the wire's loose types (strings, decimals), so that
 * rules, not a parser, answer with a pointer.
 */
public interface RecordType<T> {

    /** The collection's name, such as {@code investments}; part of every key. */
    String collection();

    /**
     * The content as canonical JSON: UTF-8 without spaces, members in a fixed order, decimals as plain strings without
     * trailing zeros, arrays in their natural order ({@link CanonicalJson} builds it). Equal content gives equal text.
     */
    String canonicalJson(T content);

    /** Reads content back from the JSON {@link #canonicalJson} wrote (as stored, possibly re-formatted). */
    T parse(String json);

    /** Every fault of the content at once (a pointer and a code each); empty when it may be stored. */
    Mono<List<FieldError>> faults(T content);

    /** The institution whose SUBMITTER may write and read the record; null when only staff may. */
    @Nullable String owner(T content);

    /** Who may write this content: ADMIN, or the owner's SUBMITTER. */
    default AccessRule writer(T content) {
        String owner = owner(content);
        return owner == null ? AccessRule.admin() : AccessRule.institutionOrAdmin(owner);
    }

    /** Who may read this content: ADMIN and ANALYST, or the owner's SUBMITTER. */
    default AccessRule reader(T content) {
        String owner = owner(content);
        return owner == null ? AccessRule.anyOf(Role.ADMIN, Role.ANALYST) : AccessRule.institutionOrStaff(owner);
    }
}
