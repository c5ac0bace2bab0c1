package io.cityfin.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Files that hold a secret (the admin API key, the private signing key): {@code rw-------} in a {@code rwx------}
 * folder from the moment they exist (created with those permissions, never changed afterwards), so that no other user
 * ever gets a chance to read them.
 */
final class OwnerOnlyFiles {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** More than a few kilobytes is not a key; read no further. */
    private static final long MAX_SIZE = 16 * 1024;

    private OwnerOnlyFiles() {
    }

    /** The text of a secret file and whether this start made it. */
    record Secret(String text, boolean created) {
    }

    /**
     * Reads {@code file}; where it does not exist, creates it owner-only (and its folder, if new) with {@code make}'s
     * text, deleting it again if the write fails. A file others may read is made owner-only, and {@code notices} is
     * told so. A file too big to be a key or not UTF-8 reads as empty.
     *
     * @throws IOException with the path in its message (never the content) if it cannot be read or written
     */
    static Secret readOrCreate(Path file, Supplier<String> make, Consumer<String> notices) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.exists(file)) {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir.getParent());
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            String text = make.get();
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            }
            catch (IOException | RuntimeException ex) {
                Files.deleteIfExists(file);
                throw ex;
            }
            return new Secret(text, true);
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a file; remove it to have a new one made on the next start");
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!permissions.stream().allMatch(permission -> permission.name().startsWith("OWNER_"))) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            notices.accept("Note: " + file + " was readable by others (" + PosixFilePermissions.toString(permissions)
                    + "); made it owner-only (rw-------). Consider the key known and replace it (delete " + file
                    + "; a new one is made on the next start).");
        }
        try {
            return new Secret(Files.size(file) > MAX_SIZE ? "" : Files.readString(file, StandardCharsets.UTF_8), false);
        }
        catch (java.nio.charset.CharacterCodingException ex) {
            return new Secret("", false);
        }
        catch (IOException ex) {
            throw new IOException("cannot read " + file + " (" + ex.getClass().getSimpleName() + ")", ex);
        }
    }

}
