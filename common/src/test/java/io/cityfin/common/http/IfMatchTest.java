package io.cityfin.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cityfin.common.problem.InvalidParameterException;

class IfMatchTest {

    @Test
    void tagsAVersionWithItsNumberAsAStrongETag() {
        assertThat(IfMatch.etag(3)).isEqualTo("\"3\"");
    }

    @Test
    void isAbsentWithoutTheHeader() {
        assertThat(IfMatch.parse(null)).isNull();
    }

    @Test
    void matchesOnlyTheVersionsItNames() {
        IfMatch ifMatch = IfMatch.parse("\"2\", \"3\"");

        assertThat(ifMatch.versions()).containsExactlyInAnyOrder(2, 3);
        assertThat(ifMatch.matches(3)).isTrue();
        assertThat(ifMatch.matches(4)).isFalse();
        assertThat(ifMatch.matches(0)).isFalse();
    }

    @Test
    void matchesAnyCurrentVersionWithAStarButNotAResourceWithoutOne() {
        IfMatch star = IfMatch.parse(" * ");

        assertThat(star.matches(7)).isTrue();
        assertThat(star.matches(0)).isFalse();
    }

    @Test
    void comparesStronglySoThatAWeakOrForeignTagNeverMatches() {
        assertThat(IfMatch.parse("W/\"3\"").matches(3)).isFalse();
        assertThat(IfMatch.parse("\"03\", \"abc\", \"x,y\"").versions()).isEmpty();
        assertThat(IfMatch.parse("\"99999999999\"").versions()).isEqualTo(Set.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "3", "\"3", "\"3\"x", "W/3", "**", "\"3\" *", "\"a b\""})
    void refusesAMalformedHeaderNamingIt(String header) {
        assertThatThrownBy(() -> IfMatch.parse(header))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors().get(0).parameter()).isEqualTo("If-Match");
                    assertThat(e.errors().get(0).code()).isEqualTo("INVALID_IF_MATCH");
                });
    }
}
