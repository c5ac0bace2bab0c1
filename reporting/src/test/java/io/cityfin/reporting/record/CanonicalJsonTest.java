package io.cityfin.reporting.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void writesMembersInOrderWithoutSpacesAndDecimalsPlainWithoutTrailingZeros() {
        String json = CanonicalJson.object().put("project", "抚州 \"新区\"\n").put("amount", new BigDecimal("100.00"))
                .put("rate", new BigDecimal("1.50")).put("none", (String) null).put("zero", new BigDecimal("0.00")).toString();

        assertThat(json).isEqualTo("{\"project\":\"抚州 \\\"新区\\\"\\n\",\"amount\":\"100\",\"rate\":\"1.5\",\"none\":null,\"zero\":\"0\"}");
    }

    @Test
    void hashesTheUtf8TextWithSha256() {
        assertThat(CanonicalJson.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
