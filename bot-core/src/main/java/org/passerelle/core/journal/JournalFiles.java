package org.passerelle.core.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** File system chores of the journal: owner-only permissions and forcing a directory to disk. */
final class JournalFiles {

    /** Opens a journal file for reading and writing, created readable by its owner only. */
    @FunctionalInterface
    interface Opener {
        FileChannel open(Path file) throws IOException;
    }

    static final Opener OWNER_ONLY = file -> {
        var options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        var channel = posix()
                ? FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : FileChannel.open(file, options);
        try {
            ownerOnly(file, "rw-------");
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    };

    private JournalFiles() {
    }

    static Path ownerOnlyDirectory(Path directory) throws IOException {
        var dir = directory.toAbsolutePath().normalize();
        if (posix() && !Files.exists(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
        ownerOnly(dir, "rwx------");
        return dir;
    }

    /** Makes a rename or a new file in this directory survive a crash, where the system allows it. */
    static void force(Path directory) {
        try (var channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some systems cannot open a directory this way; the file's own force still holds its bytes.
        }
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
