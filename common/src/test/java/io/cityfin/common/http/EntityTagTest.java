package io.cityfin.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class EntityTagTest {

    @Test
    void isAStrongQuotedTagOf128BitsInBase64Url() {
        String tag = EntityTag.of("credit-service", "e:42", "STAFF", "2022-09", "361000");

        assertThat(tag).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(IfNoneMatch.parse(tag).matches(tag)).as("a tag the header parser reads back").isTrue();
    }

    @Test
    void isTheSameForTheSameParts() {
        assertThat(EntityTag.of("credit-service", 42L, "STAFF")).isEqualTo(EntityTag.of("credit-service", 42L, "STAFF"));
    }

    @Test
    void givesDistinctTagsForDistinctPartsWhereverTheirBoundaries() {
        List<String> tags = List.of(
                EntityTag.of("credit-service", "e:42", "STAFF", "2022-09", "361000"),
                EntityTag.of("credit-service", "e:43", "STAFF", "2022-09", "361000"),
                EntityTag.of("credit-service", "e:42", "PUBLIC", "2022-09", "361000"),
                EntityTag.of("credit-service", "e:42", "STAFF", "2022-08", "361000"),
                EntityTag.of("credit-service", "e:42", "STAFF", "2022-09", "361002"),
                EntityTag.of("insurance-service", "e:42", "STAFF", "2022-09", "361000"),
                EntityTag.of("credit-service", "e:42", "STAFF", "2022-09", "361000", ""),
                EntityTag.of("a", "bc"),
                EntityTag.of("ab", "c"),
                EntityTag.of("abc"),
                EntityTag.of("abc", ""),
                EntityTag.of());
        Set<String> distinct = new HashSet<>(tags);

        assertThat(distinct).hasSize(tags.size());
    }
}
