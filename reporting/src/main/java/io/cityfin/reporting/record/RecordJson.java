package io.cityfin.reporting.record;

import java.math.BigDecimal;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one mapper records are written and read with (architecture.md, "Versions, never overwrites"): a content record's
 * canonical JSON is UTF-8 without spaces, members in the record's component order, nested records and lists as they
 * are (arrays in their natural order), absent values as {@code null}, decimals as plain strings without trailing zeros
 * ({@code 1.50} → {@code "1.5"}, 0 → {@code "0"}). Equal content gives equal text, and so an equal content hash.
 * Reading back ignores members a content type no longer has (older versions stay readable).
 */
public final class RecordJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("cityfin-record-json").addSerializer(BigDecimal.class, new PlainDecimal()))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private RecordJson() {
    }

    /** The canonical JSON of a content record. */
    public static String write(Object content) {
        return MAPPER.writeValueAsString(content);
    }

    /** A content record read from the JSON {@link #write} made (as stored, possibly re-formatted by jsonb). */
    public static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    /** The SHA-256 of the canonical JSON. */
    public static String hash(Object content) {
        return CanonicalJson.sha256(write(content));
    }

    /** The mapper itself, for the machinery's JSON queries (containment objects). */
    static JsonMapper mapper() {
        return MAPPER;
    }

    private static final class PlainDecimal extends ValueSerializer<BigDecimal> {
        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(CanonicalJson.plain(value));
        }
    }
}
