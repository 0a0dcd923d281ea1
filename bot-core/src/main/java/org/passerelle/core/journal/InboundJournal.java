package org.passerelle.core.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.InboundMessage;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.privacy.Pseudonymizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages that arrived while Redis was down, on disk: {@code inbound-{node}.journal} takes
 * the new ones, each record sealed, checksummed and forced to disk before {@link #append}
 * returns; a replay first renames it {@code inbound-{node}.replaying}, hands its records over
 * oldest first, and deletes it once all were taken. A crash anywhere leaves the files to be
 * replayed again at the next start; a record cut short by the crash is skipped. Files and
 * directory are readable by their owner only, and a lock file keeps a second process from
 * using the same node id. Thread-safe: appends from any thread, one replay at a time.
 */
public final class InboundJournal implements AutoCloseable {

    /** What became of one replayed message. */
    public enum Replayed {
        /** Done with it: taken, recognised as taken before, or given up with a reason logged. */
        DONE,
        /** Not now (Redis failed again): it stays, with everything after it, for the next replay. */
        LATER
    }

    private static final Logger log = LoggerFactory.getLogger(InboundJournal.class);

    private final JournalSettings settings;
    private final JournalRecords records;
    private final Pseudonymizer senders;
    private final JournalFiles.Opener opener;
    private final Path activePath;
    private final Path replayingPath;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Object appendLock = new Object();
    private final Object replayLock = new Object();
    private final AtomicInteger pending = new AtomicInteger();
    private final Map<String, Integer> bySender = new ConcurrentHashMap<>();
    private FileChannel active;
    private long activeBytes;
    private long replayingBytes;
    private int activeCount;
    private int progress;

    private InboundJournal(JournalSettings settings, JournalRecords records, Pseudonymizer senders,
            JournalFiles.Opener opener, Path directory, FileChannel lockChannel, FileLock lock) {
        this.settings = settings;
        this.records = records;
        this.senders = senders;
        this.opener = opener;
        this.activePath = directory.resolve("inbound-" + settings.nodeId() + ".journal");
        this.replayingPath = directory.resolve("inbound-" + settings.nodeId() + ".replaying");
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens this node's journal, with what an earlier run left in it.
     *
     * @param sealer  the sealer of the texts about a person
     * @param senders pseudonyms, to know whose messages wait (in memory only)
     * @throws JournalException when the directory cannot be used or another process holds it
     */
    public static InboundJournal open(JournalSettings settings, AddressSealer sealer, Pseudonymizer senders) {
        return open(settings, sealer, senders, JournalFiles.OWNER_ONLY);
    }

    static InboundJournal open(JournalSettings settings, AddressSealer sealer, Pseudonymizer senders,
            JournalFiles.Opener opener) {
        FileChannel lockChannel = null;
        try {
            var directory = JournalFiles.ownerOnlyDirectory(settings.directory());
            lockChannel = JournalFiles.OWNER_ONLY.open(directory.resolve("inbound-" + settings.nodeId() + ".lock"));
            var lock = tryLock(lockChannel);
            if (lock == null) {
                throw new JournalException("the inbound journal " + settings.nodeId() + " in " + directory
                        + " is in use by another process: give each instance its own node id", null);
            }
            var journal = new InboundJournal(settings, new JournalRecords(sealer), senders, opener, directory,
                    lockChannel, lock);
            journal.load();
            return journal;
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new JournalException("the inbound journal in " + settings.directory() + " cannot be opened ("
                    + e.getClass().getSimpleName() + ")", e);
        } catch (RuntimeException e) {
            closeQuietly(lockChannel);
            throw e;
        }
    }

    /**
     * Keeps one message, on disk, before returning.
     *
     * @throws JournalException when the journal is full or cannot be written: nothing was kept
     */
    public void append(InboundMessage message) {
        var frame = JournalFrames.frame(records.payload(message));
        var sender = sender(message.channel(), message.address());
        synchronized (appendLock) {
            if (activeBytes + replayingBytes + frame.length > settings.maxBytes()) {
                throw new JournalException("the inbound journal is full (" + settings.maxBytes() + " bytes)", null);
            }
            long before = activeBytes;
            try {
                var buffer = ByteBuffer.wrap(frame);
                while (buffer.hasRemaining()) {
                    active.write(buffer, before + buffer.position());
                }
                // On disk before the webhook answers: once the channel is told, a crash loses nothing.
                active.force(true);
            } catch (IOException e) {
                undo(before);
                throw new JournalException("the inbound journal could not be written (" + e.getClass().getSimpleName()
                        + ")", e);
            }
            activeBytes += frame.length;
            activeCount++;
            bySender.merge(sender, 1, Integer::sum);
            pending.incrementAndGet();
        }
    }

    /** How many messages wait to be replayed. */
    public int pending() {
        return pending.get();
    }

    /** Whether messages from this address wait to be replayed. */
    public boolean holds(Channel channel, String address) {
        return !bySender.isEmpty() && bySender.containsKey(sender(channel, address));
    }

    /**
     * Hands the waiting messages over, oldest first, until one is refused for now; the files of
     * the messages all taken are deleted. A message handed over again after a crash is one that
     * {@code take} must recognise.
     *
     * @return how many messages were done with
     * @throws JournalException when the files cannot be read or moved
     */
    public int replay(Function<InboundMessage, Replayed> take) {
        synchronized (replayLock) {
            int done = 0;
            while (Files.exists(replayingPath) || rotate()) {
                var frames = JournalFrames.scan(readAll(replayingPath)).frames();
                while (progress < frames.size()) {
                    var message = opened(frames.get(progress));
                    if (message != null && take.apply(message) == Replayed.LATER) {
                        return done;
                    }
                    progress++;
                    done++;
                    pending.decrementAndGet();
                    if (message != null) {
                        bySender.computeIfPresent(sender(message.channel(), message.address()),
                                (key, count) -> count > 1 ? count - 1 : null);
                    }
                }
                finishReplaying();
            }
            return done;
        }
    }

    @Override
    public void close() {
        synchronized (appendLock) {
            closeQuietly(active);
            try {
                lock.release();
            } catch (IOException ignored) {
                // Closing the channel releases the lock anyway.
            }
            closeQuietly(lockChannel);
        }
    }

    /** The file that takes new messages. */
    Path activeFile() {
        return activePath;
    }

    /** The file being replayed, while there is one. */
    Path replayingFile() {
        return replayingPath;
    }

    private void load() throws IOException {
        if (Files.exists(replayingPath)) {
            var data = Files.readAllBytes(replayingPath);
            replayingBytes = data.length;
            count(JournalFrames.scan(data), replayingPath, data.length);
        }
        active = opener.open(activePath);
        var data = readAll(activePath);
        var scan = JournalFrames.scan(data);
        activeCount = count(scan, activePath, data.length);
        if (scan.tornBytes(data.length) > 0) {
            // A record cut short by a crash: new records must start after the last whole one.
            active.truncate(scan.validEnd());
            active.force(true);
        }
        activeBytes = scan.validEnd();
        if (pending.get() > 0) {
            log.warn("inbound journal {}: {} message(s) kept while Redis was down wait to be replayed",
                    settings.nodeId(), pending.get());
        }
    }

    private int count(JournalFrames.Scan scan, Path file, long size) {
        if (scan.skippedBytes() > 0 || scan.tornBytes(size) > 0) {
            log.warn("inbound journal {}: {} damaged byte(s) and a torn tail of {} byte(s) skipped",
                    file.getFileName(), scan.skippedBytes(), scan.tornBytes(size));
        }
        for (var frame : scan.frames()) {
            var message = opened(frame);
            if (message != null) {
                bySender.merge(sender(message.channel(), message.address()), 1, Integer::sum);
            }
            pending.incrementAndGet();
        }
        return scan.frames().size();
    }

    private boolean rotate() {
        synchronized (appendLock) {
            if (activeCount == 0) {
                return false;
            }
            try {
                active.close();
                Files.move(activePath, replayingPath, StandardCopyOption.ATOMIC_MOVE);
                JournalFiles.force(activePath.getParent());
                replayingBytes = activeBytes;
                activeBytes = 0;
                activeCount = 0;
                progress = 0;
            } catch (IOException e) {
                throw new JournalException("the inbound journal could not be set aside for replay", e);
            } finally {
                reopenActive();
            }
            return true;
        }
    }

    private void finishReplaying() {
        try {
            Files.deleteIfExists(replayingPath);
            JournalFiles.force(replayingPath.getParent());
        } catch (IOException e) {
            throw new JournalException("the replayed journal could not be deleted", e);
        }
        synchronized (appendLock) {
            replayingBytes = 0;
        }
        progress = 0;
    }

    private void reopenActive() {
        try {
            active = opener.open(activePath);
            activeBytes = active.size();
        } catch (IOException e) {
            throw new JournalException("the inbound journal could not be opened again", e);
        }
    }

    private void undo(long size) {
        try {
            active.truncate(size);
        } catch (IOException e) {
            // The record left half-written fails its checksum and is skipped when read.
            log.warn("inbound journal {}: a failed write could not be cut off", settings.nodeId());
        }
    }

    private InboundMessage opened(JournalFrames.Frame frame) {
        try {
            return records.message(frame.payload());
        } catch (IllegalArgumentException e) {
            log.error("inbound journal {}: a record at byte {} cannot be opened and is skipped: {}",
                    settings.nodeId(), frame.start(), e.getMessage());
            return null;
        }
    }

    private String sender(Channel channel, String address) {
        return senders.pseudonym(channel, address);
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new JournalException("the inbound journal could not be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing more can be done with a channel that will not close.
            }
        }
    }
}
