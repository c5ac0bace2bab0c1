package io.cityfin.reporting.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which records of a collection a list wants, evaluated by the database on the latest versions: members equal to a
 * value ({@code where("issuer.kind", "PLATFORM")}), an element of an array member matching ({@code
 * whereAny("listings", Map.of("board", "NEEQ"))}), the record's region, its parent, its status, a date member within
 * days, a top-level text member among values ({@code whereIn("platform", usccs)}), the last element of an array member
 * ({@code whereLast("history", "status", "CASE_FILED")}); ordered by a member (then key, then id) and cut to a page. Immutable: each method answers a new query.
 */
public record RecordQuery(List<Containment> containments, @Nullable MemberIn memberIn, @Nullable String region, @Nullable UUID parentId,
                          @Nullable RecordStatus status, @Nullable DateRange dated, @Nullable LastElement last, @Nullable String orderBy,
                          int offset, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public RecordQuery {
        containments = List.copyOf(containments);
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a page starts at 0 or later and holds 1 to " + MAX_LIMIT + " records");
        }
    }

    /** Every record, withdrawn ones included, the first {@link #DEFAULT_LIMIT}. */
    public static RecordQuery all() {
        return new RecordQuery(List.of(), null, null, null, null, null, null, null, 0, DEFAULT_LIMIT);
    }

    /** Records whose member at the dotted path (such as {@code issuer.kind}) equals {@code value}. */
    public RecordQuery where(String path, Object value) {
        Map<String, Object> nested = new LinkedHashMap<>();
        String[] names = path.split("\\.");
        Map<String, Object> at = nested;
        for (int i = 0; i < names.length - 1; i++) {
            Map<String, Object> inner = new LinkedHashMap<>();
            at.put(names[i], inner);
            at = inner;
        }
        at.put(names[names.length - 1], value);
        return with(new Containment(nested));
    }

    /** Records whose array member {@code path} (top level) has an element with these members. */
    public RecordQuery whereAny(String arrayMember, Map<String, ?> element) {
        return with(new Containment(Map.of(arrayMember, List.of(element))));
    }

    /** Records whose top-level text member {@code member} is one of {@code values} (none: no record). */
    public RecordQuery whereIn(String member, java.util.Collection<String> values) {
        return new RecordQuery(containments, new MemberIn(member, List.copyOf(values)), region, parentId, status, dated, last, orderBy, offset, limit);
    }

    /**
     * Records whose top-level array member {@code arrayMember} ends with an element whose text member {@code member}
     * equals {@code value} (a lead whose latest history step has a status).
     */
    public RecordQuery whereLast(String arrayMember, String member, String value) {
        return new RecordQuery(containments, memberIn, region, parentId, status, dated, new LastElement(arrayMember, member, value), orderBy,
                offset, limit);
    }

    public RecordQuery region(@Nullable String code) {
        return new RecordQuery(containments, memberIn, code, parentId, status, dated, last, orderBy, offset, limit);
    }

    public RecordQuery parent(@Nullable UUID id) {
        return new RecordQuery(containments, memberIn, region, id, status, dated, last, orderBy, offset, limit);
    }

    public RecordQuery status(@Nullable RecordStatus wanted) {
        return new RecordQuery(containments, memberIn, region, parentId, wanted, dated, last, orderBy, offset, limit);
    }

    /** Records whose top-level date member ({@code YYYY-MM-DD}) lies from {@code from} to {@code to}, both inclusive. */
    public RecordQuery dated(String member, LocalDate from, LocalDate to) {
        return new RecordQuery(containments, memberIn, region, parentId, status, new DateRange(member, from, to), last, orderBy, offset, limit);
    }

    /** Ordered by a top-level member's text, then by key and id; without it by key, then id. */
    public RecordQuery orderBy(@Nullable String member) {
        return new RecordQuery(containments, memberIn, region, parentId, status, dated, last, member, offset, limit);
    }

    public RecordQuery page(int newOffset, int newLimit) {
        return new RecordQuery(containments, memberIn, region, parentId, status, dated, last, orderBy, newOffset, newLimit);
    }

    private RecordQuery with(Containment containment) {
        List<Containment> more = new ArrayList<>(containments);
        more.add(containment);
        return new RecordQuery(more, memberIn, region, parentId, status, dated, last, orderBy, offset, limit);
    }

    /** A JSON object the content must contain (PostgreSQL's {@code @>}). */
    public record Containment(Map<String, ?> json) {
        public Containment {
            Objects.requireNonNull(json, "json");
        }
    }

    /** A top-level text member among values (PostgreSQL's {@code = ANY}). */
    public record MemberIn(String member, List<String> values) {
        public MemberIn {
            Objects.requireNonNull(member, "member");
            values = List.copyOf(values);
        }
    }

    /** The last element of a top-level array member with a text member equal to a value. */
    public record LastElement(String arrayMember, String member, String value) {
        public LastElement {
            Objects.requireNonNull(arrayMember, "arrayMember");
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(value, "value");
        }
    }

    public record DateRange(String member, LocalDate from, LocalDate to) {
    }
}
