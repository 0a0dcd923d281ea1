package org.passerelle.app;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates the files and directories that hold secrets so that only their owner can read them
 * (0600 and 0700 where the file system has POSIX permissions; as the platform makes them
 * elsewhere).
 */
final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    /** Whether the file system of this path has POSIX permissions. */
    static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates an empty file readable and writable by its owner only.
     *
     * @throws FileAlreadyExistsException when it exists already (another start created it first)
     */
    static void createFile(Path file) throws IOException {
        if (posix(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    /** Creates this directory, open to its owner only, and its parents as they would be made; unless it exists. */
    static void createDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Files.createDirectories(directory.getParent());
        if (posix(directory)) {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(directory);
        }
    }
}
