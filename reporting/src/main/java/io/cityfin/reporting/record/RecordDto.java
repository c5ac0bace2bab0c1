package io.cityfin.reporting.record;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The members every version of a record carries on the wire (its envelope), as the contracts' record schemas declare
 * them. A schema's generated DTO implements this, and {@link Identified} and {@link Warned} where it has those members,
 * through {@code x-implements} in the contract; {@link #envelope} then writes the envelope once for every collection and a
 * controller maps only the content.
 */
public interface RecordDto {

    void setVersion(Integer version);

    void setStatus(String status);

    void setContentHash(String contentHash);

    void setRecordedAt(OffsetDateTime recordedAt);

    void setRecordedBy(String recordedBy);

    void setRecordedFor(@Nullable String recordedFor);

    /** A record DTO with the {@code id} the service gave the record (records without a natural key). */
    interface Identified {

        void setId(String id);
    }

    /** A record DTO with the {@code warnings} the version was accepted with, each a {@code W}. */
    interface Warned<W extends Warning> {

        void setWarnings(List<W> warnings);
    }

    /** A contract's warning schema: pointer, code and message. */
    interface Warning {

        void setPointer(String pointer);

        void setCode(String code);

        void setMessage(String message);
    }

    /** {@code dto} with the envelope of {@code record} (and its id, where the DTO has one). */
    static <D extends RecordDto> D envelope(D dto, StoredRecord<?> record) {
        if (dto instanceof Identified identified) {
            identified.setId(record.id().toString());
        }
        dto.setVersion(record.version());
        dto.setStatus(record.status().name());
        dto.setContentHash(record.contentHash());
        dto.setRecordedAt(record.recordedAt());
        dto.setRecordedBy(record.recordedBy());
        dto.setRecordedFor(record.recordedFor());
        return dto;
    }

    /** {@code dto} with the envelope of {@code record} and its warnings, each a new {@code W}. */
    static <W extends Warning, D extends RecordDto & Warned<W>> D envelope(D dto, StoredRecord<?> record, Supplier<W> warning) {
        envelope(dto, record);
        dto.setWarnings(record.warnings().stream().map(recorded -> {
            W w = warning.get();
            w.setPointer(recorded.pointer());
            w.setCode(recorded.code());
            w.setMessage(recorded.message());
            return w;
        }).toList());
        return dto;
    }
}
