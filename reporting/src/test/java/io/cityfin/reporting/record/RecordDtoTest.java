package io.cityfin.reporting.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RecordDtoTest {

    private static final UUID ID = UUID.fromString("7d7e1c0e-3b5a-4d55-9f43-2f1d7a0c9b11");
    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 3, 1, 9, 30, 0, 0, ZoneOffset.ofHours(8));

    @Test
    void envelopeWritesTheVersionsMembersItsIdAndItsWarnings() {
        StoredRecord<String> record = new StoredRecord<>(ID, null, null, 3, "content", "abc123", RecordStatus.WITHDRAWN, AT,
                "analyst-1", "3610020001", List.of(new RecordWarning("/region", "REGION_CHANGED", "The region changed.")));

        Dto dto = RecordDto.envelope(new Dto(), record, TestWarning::new);

        assertThat(dto.id).isEqualTo("7d7e1c0e-3b5a-4d55-9f43-2f1d7a0c9b11");
        assertThat(dto.version).isEqualTo(3);
        assertThat(dto.status).isEqualTo("WITHDRAWN");
        assertThat(dto.contentHash).isEqualTo("abc123");
        assertThat(dto.recordedAt).isEqualTo(AT);
        assertThat(dto.recordedBy).isEqualTo("analyst-1");
        assertThat(dto.recordedFor).isEqualTo("3610020001");
        assertThat(dto.warnings).singleElement().satisfies(w -> {
            assertThat(w.pointer).isEqualTo("/region");
            assertThat(w.code).isEqualTo("REGION_CHANGED");
            assertThat(w.message).isEqualTo("The region changed.");
        });
    }

    @Test
    void aDtoWithoutIdOrWarningsGetsTheRest() {
        StoredRecord<String> record = new StoredRecord<>(ID, "91360100MA35XXXX0X", null, 1, "content", "def456", RecordStatus.ACTIVE, AT,
                "admin", null, List.of());

        Keyed dto = RecordDto.envelope(new Keyed(), record);

        assertThat(dto.version).isEqualTo(1);
        assertThat(dto.status).isEqualTo("ACTIVE");
        assertThat(dto.recordedFor).isNull();
    }

    /** Like a generated record DTO with an id and warnings. */
    static final class Dto extends Keyed implements RecordDto.Identified, RecordDto.Warned<TestWarning> {
        String id;
        List<TestWarning> warnings;

        @Override
        public void setId(String id) {
            this.id = id;
        }

        @Override
        public void setWarnings(List<TestWarning> warnings) {
            this.warnings = warnings;
        }
    }

    /** Like a generated record DTO of a collection with a natural key and no warnings. */
    static class Keyed implements RecordDto {
        Integer version;
        String status;
        String contentHash;
        OffsetDateTime recordedAt;
        String recordedBy;
        @Nullable String recordedFor;

        @Override
        public void setVersion(Integer version) {
            this.version = version;
        }

        @Override
        public void setStatus(String status) {
            this.status = status;
        }

        @Override
        public void setContentHash(String contentHash) {
            this.contentHash = contentHash;
        }

        @Override
        public void setRecordedAt(OffsetDateTime recordedAt) {
            this.recordedAt = recordedAt;
        }

        @Override
        public void setRecordedBy(String recordedBy) {
            this.recordedBy = recordedBy;
        }

        @Override
        public void setRecordedFor(@Nullable String recordedFor) {
            this.recordedFor = recordedFor;
        }
    }

    static final class TestWarning implements RecordDto.Warning {
        String pointer;
        String code;
        String message;

        @Override
        public void setPointer(String pointer) {
            this.pointer = pointer;
        }

        @Override
        public void setCode(String code) {
            this.code = code;
        }

        @Override
        public void setMessage(String message) {
            this.message = message;
        }
    }
}
