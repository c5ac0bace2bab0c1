package io.cityfin.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** {@code launcher.pid}: names the running launcher, so a second one refuses and {@code ./cityfin stop} finds it. */
final class PidFile {

    private final Path file;

    private final long pid;

    private PidFile(Path file, long pid) {
        this.file = file;
        this.pid = pid;
    }

    /**
     * Writes {@code pid} to {@code file}, unless the file names another live process.
     * @throws AlreadyRunningException if it does
     */
    static PidFile acquire(Path file, long pid) throws IOException, AlreadyRunningException {
        OptionalLong existing = read(file);
        if (existing.isPresent() && existing.getAsLong() != pid && isAlive(existing.getAsLong())) {
            throw new AlreadyRunningException("CityFin is already running (launcher pid " + existing.getAsLong() + ", "
                    + file + "). Stop it with ./cityfin stop; if that process is not a CityFin launcher, delete " + file + ".");
        }
        Files.writeString(file, pid + "\n", StandardCharsets.US_ASCII);
        return new PidFile(file, pid);
    }

    static OptionalLong read(Path file) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip()));
        }
        catch (IOException | NumberFormatException ex) {
            return OptionalLong.empty();
        }
    }

    Path path() {
        return file;
    }

    /** Deletes the file if it still names this launcher; safe to call more than once. */
    boolean release() {
        try {
            OptionalLong current = read(file);
            return current.isPresent() && current.getAsLong() == pid && Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Another launcher holds the data folder. */
    static final class AlreadyRunningException extends Exception {

        private static final long serialVersionUID = 1L;

        AlreadyRunningException(String message) {
            super(message);
        }

    }

}
