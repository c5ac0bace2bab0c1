package io.cityfin.reporting.report;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A report's canonical form (architecture.md, "Versions, never overwrites"): UTF-8 JSON without spaces of the lines
 * sorted by (item, region), each {@code {"item","region","value"}} with the value a plain decimal string without
 * trailing zeros ({@code 1.50} → {@code "1.5"}, {@code 100.00} → {@code "100"}); the content hash is its SHA-256.
 */
public final class CanonicalContent {

    private static final Comparator<ReportLine> ORDER =
            Comparator.comparing(ReportLine::item).thenComparing(line -> line.region().code());

    private CanonicalContent() {
    }

    public static String json(List<ReportLine> lines) {
        StringBuilder json = new StringBuilder("[");
        lines.stream().sorted(ORDER).forEach(line -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"item\":\"").append(escape(line.item()))
                    .append("\",\"region\":\"").append(line.region().code())
                    .append("\",\"value\":\"").append(plain(line.value())).append("\"}");
        });
        return json.append(']').toString();
    }

    public static String hash(List<ReportLine> lines) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json(lines).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
