package io.cityfin.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cityfin.common.problem.InvalidParameterException;

class IfNoneMatchTest {

    @Test
    void isAbsentWithoutTheHeaderOrWithABlankOne() {
        assertThat(IfNoneMatch.parse(null)).isNull();
        assertThat(IfNoneMatch.parse("  ")).isNull();
        assertThat(IfNoneMatch.matches(null, "\"a\"")).isFalse();
    }

    @Test
    void matchesAnyTagOfTheList() {
        IfNoneMatch condition = IfNoneMatch.parse("\"k3J9\", \"x-1_Z\",\"abc\"");

        assertThat(condition.tags()).containsExactly("\"k3J9\"", "\"x-1_Z\"", "\"abc\"");
        assertThat(condition.matches("\"x-1_Z\"")).isTrue();
        assertThat(condition.matches("\"abc\"")).isTrue();
        assertThat(condition.matches("\"k3J\"")).isFalse();
        assertThat(condition.matches(null)).isFalse();
    }

    @Test
    void comparesWeaklyOnBothSides() {
        assertThat(IfNoneMatch.matches("W/\"k3J9\"", "\"k3J9\"")).isTrue();
        assertThat(IfNoneMatch.matches("\"k3J9\"", "W/\"k3J9\"")).isTrue();
        assertThat(IfNoneMatch.matches("W/\"k3J9\"", "W/\"k3J9\"")).isTrue();
        assertThat(IfNoneMatch.matches("W/\"k3J9\"", "\"k3J8\"")).isFalse();
    }

    @Test
    void matchesAnyTagWithAStar() {
        assertThat(IfNoneMatch.parse(" * ").any()).isTrue();
        assertThat(IfNoneMatch.matches("*", "\"whatever\"")).isTrue();
        assertThat(IfNoneMatch.matches("*", null)).as("no answer to match").isFalse();
    }

    @Test
    void takesAnEmptyTagAsATag() {
        assertThat(IfNoneMatch.matches("\"\"", "\"\"")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "\"3", "\"3\"x", "W/3", "**", "\"3\" *", "\"a b\"", "\"a\"\"b\"", ",", "W/", "\"\u00e9\u0001\""})
    void refusesAMalformedHeaderNamingIt(String header) {
        assertThatThrownBy(() -> IfNoneMatch.parse(header))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors().get(0).parameter()).isEqualTo("If-None-Match");
                    assertThat(e.errors().get(0).code()).isEqualTo("INVALID_IF_NONE_MATCH");
                });
    }
}
