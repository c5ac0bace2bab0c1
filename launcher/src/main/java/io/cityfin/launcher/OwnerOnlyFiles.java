package io.cityfin.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Files that hold a secret (the admin API key, the private signing key): readable and writable by their owner only
 * ({@code rw-------}) from the moment they exist, so no other user ever gets a chance to read them.
 */
final class OwnerOnlyFiles {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    /** More than a few hundred bytes is not a key; read no further. */
    private static final long MAX_SIZE = 16 * 1024;

    private OwnerOnlyFiles() {
    }

    /**
     * Creates {@code file}, which must not exist yet, with owner-only permissions, then writes {@code text} (UTF-8,
     * nothing added). If writing fails the file is deleted again, so no half-written secret is left behind.
     */
    static void create(Path file, String text) throws IOException {
        if (isPosix(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        else {
            Files.createFile(file);
            File plain = file.toFile();
            // best effort where there are no POSIX permissions (e.g. Windows): off for everyone, on for the owner
            boolean restricted = plain.setReadable(false, false) & plain.setReadable(true, true)
                    & plain.setWritable(false, false) & plain.setWritable(true, true);
            if (!restricted) {
                Files.deleteIfExists(file);
                throw new IOException("cannot make " + file + " readable only by its owner");
            }
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        catch (IOException | RuntimeException ex) {
            Files.deleteIfExists(file);
            throw ex;
        }
    }

    /** Creates {@code directory} (and missing parents) as {@code rwx------} where it does not exist yet. */
    static void createDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (parent != null && isPosix(parent)) {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        }
        else {
            Files.createDirectory(directory);
        }
    }

    /**
     * Takes the group's and others' permissions away from an existing file.
     *
     * @return the permissions it had ({@code rw-r--r--}) if they were broader than owner-only, else empty
     */
    static Optional<String> tighten(Path file) throws IOException {
        if (!isPosix(file)) {
            return Optional.empty();
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        Set<PosixFilePermission> ownerOnly = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission permission : permissions) {
            if (permission.name().startsWith("OWNER_")) {
                ownerOnly.add(permission);
            }
        }
        if (ownerOnly.equals(permissions)) {
            return Optional.empty();
        }
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        return Optional.of(PosixFilePermissions.toString(permissions));
    }

    /**
     * The text of a small file, or empty if it is too big to be a key or not UTF-8.
     *
     * @throws IOException with the path in its message if the file cannot be read
     */
    static Optional<String> readSmallText(Path file) throws IOException {
        try {
            if (Files.size(file) > MAX_SIZE) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        }
        catch (CharacterCodingException ex) {
            return Optional.empty();
        }
        catch (IOException ex) {
            throw new IOException("cannot read " + file + " (" + ex.getClass().getSimpleName() + ")", ex);
        }
    }

    private static boolean isPosix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }

}
