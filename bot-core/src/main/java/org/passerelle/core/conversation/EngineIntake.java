package org.passerelle.core.conversation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.passerelle.core.channel.InboundMessage;
import org.passerelle.core.channel.MessageIntake;
import org.passerelle.core.outbox.Outbox;
import org.passerelle.core.store.RedisStore;
import redis.clients.jedis.params.SetParams;

/**
 * The intake of the channels: under the conversation's turn lock, a message already taken is
 * recognised by its channel message id; otherwise the engine answers it, and its replies are
 * queued in the outbox in the same transaction as the message is marked as taken and her state
 * written, so that a failure half-way lets the channel deliver it again without anything being
 * lost or doubled. When the turn erased her
 * conversation, the outbox also takes back the messages the channel still lets it.
 */
public final class EngineIntake implements MessageIntake {

    private static final Duration REMEMBER = Duration.ofDays(2);

    private final ConversationEngine engine;
    private final Outbox outbox;
    private final RedisStore store;

    public EngineIntake(ConversationEngine engine, Outbox outbox, RedisStore store) {
        this.engine = engine;
        this.outbox = outbox;
        this.store = store;
    }

    @Override
    public Intake receive(InboundMessage message) {
        return take(message, true);
    }

    /**
     * Takes a message that was kept while Redis was down, as {@link #receive} does but without
     * the per-minute count: the messages of a whole outage arrive here at once, and they were
     * counted when they arrived.
     *
     * @return {@link Intake#ACCEPTED}, or {@link Intake#DUPLICATE} when it was taken before
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     * @throws ConversationBusyException when her conversation's lock stays held
     */
    public Intake replay(InboundMessage message) {
        return take(message, false);
    }

    private Intake take(InboundMessage message, boolean metered) {
        var id = message.channelMessageId();
        // Without a channel id a message cannot be recognised again: it is always taken.
        var seenKey = id == null || id.isBlank() ? null : store.key("seen", message.channel().id(), digest(id));
        return engine.take(message, metered, seenKey, (turn, writes) -> {
            if (turn.erased()) {
                // Her last replies, then whatever of hers the channel can still take back.
                outbox.erase(turn.conversationId(), message.channel(), message.address(), turn.replies());
            } else {
                outbox.enqueue(turn.conversationId(), message.channel(), message.address(), turn.replies(), writes);
            }
            if (seenKey != null) {
                // Marked in the same transaction as her replies are queued: both or neither.
                writes.add(tx -> tx.set(seenKey, "1", SetParams.setParams().px(REMEMBER.toMillis())));
            }
            return Intake.ACCEPTED;
        }).orElse(Intake.DUPLICATE);
    }

    // Channel message ids are kept hashed: a key names no message of hers in a readable form.
    private static String digest(String channelMessageId) {
        try {
            var hash = MessageDigest.getInstance("SHA-256").digest(channelMessageId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
