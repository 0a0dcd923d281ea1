package org.passerelle.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real Redis server run by Passerelle itself: the binary shipped in the embedded-redis
 * artifact, bound to loopback on a free port, with append-only persistence in the data
 * directory so that conversations survive a restart. The directory is locked so that two
 * instances never write the same files.
 */
final class EmbeddedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

    private final RedisServer server;
    private final int port;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private EmbeddedRedis(RedisServer server, int port, FileChannel lockChannel, FileLock lock) {
        this.server = server;
        this.port = port;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Starts the server with its files under {@code dataDir/redis}.
     *
     * @throws StartupException when the directory cannot be written, is in use, or the server
     *                          does not start
     */
    static EmbeddedRedis start(Path dataDir) {
        var dir = writableDirectory(dataDir.toAbsolutePath().normalize().resolve("redis"));
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dir.resolve("passerelle.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            var lock = channel.tryLock();
            if (lock == null) {
                throw inUse(dir, null);
            }
            int port = freePort();
            var server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("dir \"" + dir + "\"")
                    .setting("appendonly yes")
                    .setting("appendfsync everysec")
                    .setting("save \"\"")
                    .build();
            server.start();
            log.info("embedded Redis started on 127.0.0.1:{} with its files in {}", port, dir);
            return new EmbeddedRedis(server, port, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw inUse(dir, e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            if (e instanceof StartupException startup) {
                throw startup;
            }
            throw new StartupException("the embedded Redis did not start with its files in " + dir
                    + " (" + e.getMessage() + ")",
                    "Check that the data directory is on a local disk with free space, or set "
                            + "passerelle.redis.url to use another Redis server.", e);
        }
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            server.stop();
            log.info("embedded Redis stopped");
        } catch (IOException | RuntimeException e) {
            log.warn("embedded Redis did not stop cleanly: {}", e.getMessage());
        } finally {
            try {
                lock.release();
            } catch (IOException ignored) {
                // Closing the channel below releases the lock anyway.
            }
            closeQuietly(lockChannel);
        }
    }

    private static Path writableDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            // Its files are sealed where they hold anything about a person, but still nobody else's to read.
            if (OwnerOnlyFiles.posix(dir)) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            var probe = Files.createTempFile(dir, "write-check", ".tmp");
            Files.delete(probe);
            return dir;
        } catch (IOException | SecurityException e) {
            throw new StartupException("the data directory " + dir + " cannot be written ("
                    + e.getClass().getSimpleName() + ")",
                    "Set passerelle.data-dir (or PASSERELLE_DATA_DIR) to a directory this user can write.", e);
        }
    }

    private static StartupException inUse(Path dir, Throwable cause) {
        return new StartupException("the data directory " + dir + " is in use by another Passerelle",
                "Stop the other instance, give this one its own passerelle.data-dir, or point both "
                        + "at a shared Redis with passerelle.redis.url.", cause);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing more can be done for a lock file that will not close.
            }
        }
    }
}
