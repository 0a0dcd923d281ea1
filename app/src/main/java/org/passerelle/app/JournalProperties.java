package org.passerelle.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import org.passerelle.core.journal.JournalSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The inbound journal ({@code passerelle.journal.*}): where messages wait while Redis is down.
 *
 * @param directory      where the journal files live; unset, {@code journal} in the data directory
 * @param nodeId         this instance's name in the file names; unset, the host name. Instances
 *                       that share a directory need distinct ones
 * @param maxSize        most the journal may hold; beyond it webhooks answer 503 so that the
 *                       channels deliver again later, rather than anything being dropped
 * @param replayInterval how often Redis is asked whether it is back, while messages wait
 */
@ConfigurationProperties("passerelle.journal")
public record JournalProperties(
        Path directory,
        String nodeId,
        @DefaultValue("32MB") DataSize maxSize,
        @DefaultValue("1s") Duration replayInterval) {

    /**
     * The journal's settings.
     *
     * @throws StartupException when the node id or the size cannot be used
     */
    JournalSettings toSettings(Path dataDir, int perMinute) {
        var dir = directory != null ? directory : dataDir.resolve("journal");
        var node = nodeId != null && !nodeId.isBlank() ? nodeId.strip() : JournalSettings.nodeIdOf(hostName());
        try {
            return new JournalSettings(dir, node, maxSize.toBytes(), perMinute);
        } catch (IllegalArgumentException e) {
            throw new StartupException("passerelle.journal is not usable: " + e.getMessage(),
                    "Set passerelle.journal.node-id to letters, digits, '.', '-' or '_', and max-size to 4KB or more.",
                    e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "local";
        }
    }
}
