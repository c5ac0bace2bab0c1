package io.cityfin.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProblemMapperTest {

    @Test
    void turnsAPropertyPathIntoAJsonPointer() {
        assertThat(ProblemMapper.pointer("lines[3].value")).isEqualTo("/lines/3/value");
        assertThat(ProblemMapper.pointer("name")).isEqualTo("/name");
        assertThat(ProblemMapper.pointer("")).isEmpty();
        assertThat(ProblemMapper.pointer("a/b~c")).isEqualTo("/a~1b~0c");
    }

    @Test
    void keepsTheFieldErrorsOfAnExpectedRefusal() {
        RuleViolationException refusal = new RuleViolationException("two faults", List.of(
                FieldError.atPointer("/lines/0/value", "NEGATIVE_VALUE", "negative"),
                FieldError.atPointer("/lines/2/item", "UNKNOWN_ITEM", "unknown")));

        Problem problem = ProblemMapper.toProblem(refusal);

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.errors()).extracting(FieldError::code).containsExactly("NEGATIVE_VALUE", "UNKNOWN_ITEM");
        assertThat(problem.body("/reports")).containsEntry("instance", "/reports").containsKey("errors");
    }

    @Test
    void leavesOutTheErrorListWhenThereAreNoFieldErrors() {
        assertThat(ProblemMapper.toProblem(new NotFoundException("no such bank")).body("/x"))
                .containsEntry("status", 404).doesNotContainKey("errors");
    }

    @Test
    void refusesAFieldErrorWithBothOrNeitherLocation() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FieldError("/a", "a", "X", "m"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FieldError(null, null, "X", "m"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
