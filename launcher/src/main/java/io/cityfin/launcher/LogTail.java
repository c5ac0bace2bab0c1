package io.cityfin.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file, read from its end so a large log costs nothing. */
final class LogTail {

    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {
    }

    static List<String> lastLines(Path file, int count) {
        return lastLines(file, count, 0);
    }

    /** The last lines written at or after byte {@code from}: what this run of an app wrote to an appended log. */
    static List<String> lastLines(Path file, int count, long from) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long start = Math.max(Math.min(from, length), length - MAX_BYTES);
            int size = (int) (length - start);
            byte[] bytes = new byte[size];
            in.seek(start);
            in.readFully(bytes);
            List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R", -1));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines = lines.subList(0, lines.size() - 1);
            }
            if (start > from && !lines.isEmpty()) {
                lines = lines.subList(1, lines.size()); // the first line is cut
            }
            return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
        }
        catch (IOException ex) {
            return List.of("(could not read " + file + ": " + ex.getMessage() + ")");
        }
    }

}
