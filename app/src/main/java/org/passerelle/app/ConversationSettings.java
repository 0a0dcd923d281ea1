package org.passerelle.app;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Conversation settings ({@code passerelle.conversation.*}).
 *
 * @param lockLease     how long one turn may hold its conversation's lock
 * @param lockWait      how long a message waits for the previous turn of the same person
 * @param maxTextLength longest text taken from one message
 * @param perMinute     most messages handled per conversation and minute; more are refused
 * @param idleRestart   after this long without a message, the conversation restarts politely
 * @param intentFloor   below this confidence the bot asks back instead of guessing (0 to 1)
 * @param modelCache    where trained intent models are kept, so that a start or a publish loads
 *                      the languages whose training data did not change instead of training them;
 *                      {@code models} under the data directory when not set
 */
@ConfigurationProperties("passerelle.conversation")
public record ConversationSettings(
        @DefaultValue("10s") Duration lockLease,
        @DefaultValue("5s") Duration lockWait,
        @DefaultValue("2000") int maxTextLength,
        @DefaultValue("30") int perMinute,
        @DefaultValue("12h") Duration idleRestart,
        @DefaultValue("0.30") double intentFloor,
        Path modelCache) {

    /** The directory of the trained models: the one set, or {@code models} under the data directory. */
    Path modelCacheIn(Path dataDir) {
        return modelCache != null ? modelCache : dataDir.resolve("models");
    }
}
