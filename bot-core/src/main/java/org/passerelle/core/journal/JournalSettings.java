package org.passerelle.core.journal;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how much the inbound journal keeps.
 *
 * @param directory where the journal files live (created readable by their owner only)
 * @param nodeId    this instance's name in the file names, so that instances sharing a directory
 *                  never write the same file: letters, digits, dot, dash, underscore
 * @param maxBytes  most bytes the journal may hold; beyond it a message is refused, never dropped
 * @param perMinute most messages kept per sender and minute, as the engine counts them live
 */
public record JournalSettings(Path directory, String nodeId, long maxBytes, int perMinute) {

    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** @throws IllegalArgumentException when the node id or a bound is unusable */
    public JournalSettings {
        Objects.requireNonNull(directory, "directory");
        if (nodeId == null || !NODE_ID.matcher(nodeId).matches()) {
            throw new IllegalArgumentException("the node id must be 1 to 64 letters, digits, '.', '-' or '_'");
        }
        if (maxBytes < 4096) {
            throw new IllegalArgumentException("the journal needs at least 4 KB");
        }
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be at least 1");
        }
    }

    /** A node id made of a host name: characters a file name may not hold become dashes. */
    public static String nodeIdOf(String hostName) {
        var cleaned = hostName == null ? "" : hostName.replaceAll("[^A-Za-z0-9._-]", "-");
        cleaned = cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
        return cleaned.isEmpty() || cleaned.startsWith(".") ? "node" + cleaned : cleaned;
    }
}
