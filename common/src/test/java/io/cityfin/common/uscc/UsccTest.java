package io.cityfin.common.uscc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y43", // the example in GB 32100-2015
            "9144030071526726XG", // codes as large companies print them in their annual reports
            "91110000802100433B",
            "91440300708461136T",
    })
    void acceptsCodesWithTheirCheckCharacter(String code) {
        assertThat(Uscc.isValid(code)).as(code).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y44", // wrong check character
            "91350100M000100Y4",  // 17 characters
            "91350100M000100Y433",
            "91350100I000100Y43", // I is not in the alphabet
            "91350100m000100Y43", // lower case
            "",
    })
    void refusesAnythingElse(String code) {
        assertThat(Uscc.isValid(code)).as(code).isFalse();
    }

    @Test
    void refusesNull() {
        assertThat(Uscc.isValid(null)).isFalse();
    }

    @Test
    void computesTheCheckCharacterAnIssuerWouldPrint() {
        assertThat(Uscc.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(Uscc.checkCharacter("9144030071526726X")).isEqualTo('G');
        String first17 = "91361000MA35ABCDE";
        assertThat(Uscc.isValid(first17 + Uscc.checkCharacter(first17))).isTrue();
    }

    @Test
    void aCheckOverCharactersOutsideTheAlphabetIsAnError() {
        assertThatThrownBy(() -> Uscc.checkCharacter("9135010OM000100Y4")).isInstanceOf(IllegalArgumentException.class);
    }
}
