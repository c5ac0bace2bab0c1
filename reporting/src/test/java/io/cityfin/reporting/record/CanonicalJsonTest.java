package io.cityfin.reporting.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void writesMembersInOrderWithoutSpacesAndDecimalsPlainWithoutTrailingZeros() {
        String json = RecordJson.write(new Sample("抚州 \"新区\"\n", new BigDecimal("100.00"), new BigDecimal("1.50"), null,
                new BigDecimal("0.00"), List.of(new Part("A", 2022), new Part("B", null))));

        assertThat(json).isEqualTo("{\"project\":\"抚州 \\\"新区\\\"\\n\",\"amount\":\"100\",\"rate\":\"1.5\",\"none\":null,\"zero\":\"0\","
                + "\"parts\":[{\"code\":\"A\",\"year\":2022},{\"code\":\"B\",\"year\":null}]}");
        assertThat(RecordJson.read(json, Sample.class).rate()).isEqualByComparingTo("1.5");
    }

    record Sample(String project, BigDecimal amount, BigDecimal rate, String none, BigDecimal zero, List<Part> parts) {
    }

    record Part(String code, Integer year) {
    }

    @Test
    void hashesTheUtf8TextWithSha256() {
        assertThat(CanonicalJson.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
