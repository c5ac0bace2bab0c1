package io.cityfin.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cityfin.common.region.Region;

class CanonicalContentTest {

    private final List<ReportLine> lines = List.of(
            new ReportLine("LOAN_BALANCE", Region.DONGXIANG, new BigDecimal("0.00")),
            new ReportLine("LOAN_BALANCE", Region.LINCHUAN, new BigDecimal("900.00")),
            new ReportLine("DEPOSIT_BALANCE", Region.LINCHUAN, new BigDecimal("1000.50")));

    @Test
    void writesTheLinesSortedWithPlainValuesWithoutTrailingZeros() {
        assertThat(CanonicalContent.json(lines)).isEqualTo("[{\"item\":\"DEPOSIT_BALANCE\",\"region\":\"361002\",\"value\":\"1000.5\"},"
                + "{\"item\":\"LOAN_BALANCE\",\"region\":\"361002\",\"value\":\"900\"},"
                + "{\"item\":\"LOAN_BALANCE\",\"region\":\"361003\",\"value\":\"0\"}]");
    }

    @Test
    void hashesTheCanonicalJsonWithSha256() {
        // printf '%s' '<the JSON above>' | sha256sum
        assertThat(CanonicalContent.hash(lines)).isEqualTo("44fc927c5b791b2a0705022744adf9f68a30444dee604af7e3fc18da86e5b30a");
    }

    @Test
    void givesTheSameHashWhateverTheOrderAndScaleOfTheLines() {
        List<ReportLine> reordered = List.of(
                new ReportLine("DEPOSIT_BALANCE", Region.LINCHUAN, new BigDecimal("1000.5")),
                new ReportLine("LOAN_BALANCE", Region.DONGXIANG, BigDecimal.ZERO),
                new ReportLine("LOAN_BALANCE", Region.LINCHUAN, new BigDecimal("9E+2")));

        assertThat(CanonicalContent.hash(reordered)).isEqualTo(CanonicalContent.hash(lines));
        assertThat(CanonicalContent.hash(List.of(lines.get(0)))).isNotEqualTo(CanonicalContent.hash(lines));
    }
}
