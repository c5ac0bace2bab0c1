package io.cityfin.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void returnsTheLastLines() throws Exception {
        Path log = dir.resolve("app.log");
        Files.writeString(log, IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i)
            .collect(Collectors.joining("\n", "", "\n")));

        assertThat(LogTail.lastLines(log, 3)).containsExactly("line 98", "line 99", "line 100");
    }

    @Test
    void readsOnlyTheEndOfAHugeLog() throws Exception {
        Path log = dir.resolve("app.log");
        Files.writeString(log, "x".repeat(200_000) + "\nlast words\n");

        assertThat(LogTail.lastLines(log, 30)).containsExactly("last words");
    }

    @Test
    void startsAtTheGivenByte() throws Exception {
        Path log = dir.resolve("app.log");
        Files.writeString(log, "earlier run\nmore of it\n");
        long start = Files.size(log);
        Files.writeString(log, "this run\n", StandardOpenOption.APPEND);

        assertThat(LogTail.lastLines(log, 30, start)).containsExactly("this run");
    }

    @Test
    void returnsNothingForAMissingLog() {
        assertThat(LogTail.lastLines(dir.resolve("none.log"), 30)).isEmpty();
    }

}
