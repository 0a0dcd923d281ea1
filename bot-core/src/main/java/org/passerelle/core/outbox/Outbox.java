package org.passerelle.core.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.ChannelSender;
import org.passerelle.core.channel.OutboundMessage;
import org.passerelle.core.channel.Reply;
import org.passerelle.core.channel.SendFailure;
import org.passerelle.core.channel.SendResult;
import org.passerelle.core.channel.Withdrawal;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.privacy.UnknownKeyException;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.params.XTrimParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Queues replies in a Redis stream and delivers them through the channels' senders, at least
 * once and, by their ids, never twice. The stream holds the address and the whole reply sealed
 * with AES-GCM, each under its own key; an entry that does not open goes to the dead letters.
 * Thread-safe; several instances share the stream through one consumer group, each with its
 * own consumer name.
 */
public final class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    static final String GROUP = "senders";
    // Entries older than this leave the streams: sent long ago, or given up on long ago.
    private static final java.time.Duration KEEP = java.time.Duration.ofDays(2);
    // The sealed reply; entries of earlier versions have clear "text" and "options" instead.
    static final String REPLY = "reply";
    // Marks the entries queued by an erase: no receipt of them is kept.
    static final String FINAL = "final";
    static final String WITHDRAW = "withdraw";

    private final RedisStore store;
    private final OutboxSealers sealers;
    private final OutboxSettings settings;
    private final Clock clock;
    private final Consumer<String> contactStopped;
    private final OutboxGates gates;
    private final OutboxErasure erasure;
    private final OutboxEraser eraser;
    private final OutboxDeadLetters dead;
    private final OutboxEntries queue;
    private volatile boolean groupReady;

    /**
     * @param store          the Redis store
     * @param sealers        seal the addresses and the replies kept in the stream
     * @param settings       batch, retries, rates
     * @param clock          the time source
     * @param contactStopped told the conversation id of a person who blocked us or said STOP
     */
    public Outbox(RedisStore store, OutboxSealers sealers, OutboxSettings settings, Clock clock,
            Consumer<String> contactStopped) {
        this.store = store;
        this.sealers = sealers;
        this.settings = settings;
        this.clock = clock;
        this.contactStopped = contactStopped;
        this.gates = new OutboxGates(store, settings, clock);
        this.erasure = new OutboxErasure(store, clock);
        this.eraser = new OutboxEraser(store);
        this.dead = new OutboxDeadLetters(store, clock);
        this.queue = new OutboxEntries(sealers, streamKey());
    }

    /**
     * Queues the replies of one turn, in order.
     *
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    public void enqueue(String conversationId, Channel channel, String address, List<Reply> replies) {
        var batch = new WriteBatch();
        enqueue(conversationId, channel, address, replies, batch);
        batch.run(store);
    }

    /**
     * Queues the replies of one turn, in order, with the other writes of a batch: they are in the
     * stream exactly when the batch is written.
     */
    public void enqueue(String conversationId, Channel channel, String address, List<Reply> replies,
            WriteBatch batch) {
        queue.replies(conversationId, channel, address, replies, false, batch);
    }

    /**
     * Queues the last replies to a person who erased her conversation, then the withdrawal of the
     * messages sent to her that the channel can still take back, and forgets her dead letters.
     * Nothing of these last replies is remembered once they left; her entries leave the stream
     * as soon as they are sent, like every entry.
     *
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    public void erase(String conversationId, Channel channel, String address, List<Reply> replies) {
        eraser.forgetDeadLetters(conversationId);
        var batch = new WriteBatch();
        queue.replies(conversationId, channel, address, replies, true, batch);
        queue.withdrawal(conversationId, channel, address, batch);
        batch.run(store);
    }

    /**
     * One delivery pass: first the pending entries idle long enough (retries, and those of a
     * consumer that died), then new ones.
     *
     * @param senders  the sender of each channel
     * @param consumer this instance's consumer name
     * @return how many entries were looked at
     */
    public int deliver(Map<Channel, ChannelSender> senders, String consumer) {
        ensureGroup();
        var entries = new ArrayList<StreamEntry>();
        // The idle pending entries and the new ones are read in one round trip.
        try {
            read(consumer, entries);
        } catch (RuntimeException e) {
            // Redis away, or emptied meanwhile with the group (a restart without its data):
            // the group is created again at the next pass, else no pass would ever read again.
            groupReady = false;
            throw e;
        }
        if (entries.removeIf(Objects::isNull)) {
            // Entries claimed for a retry that had left the stream meanwhile (trimmed after two
            // days) come back empty: taken off the pending list, or they would come back at every pass.
            store.releaseVanished(streamKey(), GROUP, 1_000, "outbox");
        }
        var pass = new Pass(senders, EnumSet.noneOf(Channel.class), new LinkedHashMap<>());
        entries.forEach(entry -> process(entry, pass));
        if (!pass.waiting().isEmpty()) {
            gates.hold(pass.waiting());
        }
        trim();
        return entries.size();
    }

    /**
     * What one delivery pass learns as it goes. A reply held back by a rate (her chat's interval,
     * or the channel's rate for the second) is to hold its conversation, so that her later replies
     * wait for it: the holds of a pass are set in one round trip at its end, and until then the
     * pass itself sets aside her later replies. Once a channel's rate is spent, its other replies
     * are not looked at nor opened either (under a backlog, a pass would otherwise cost several
     * round trips for each of them, for nothing): they stay pending, and each conversation among
     * them is held by its first one.
     *
     * @param spent   the channels whose rate is spent
     * @param waiting each conversation set aside this pass, with its first reply
     */
    private record Pass(Map<Channel, ChannelSender> senders, Set<Channel> spent, Map<String, String> waiting) {
    }

    private void read(String consumer, List<StreamEntry> entries) {
        store.call(jedis -> {
            try (var pipeline = jedis.pipelined()) {
                var claimed = pipeline.xautoclaim(streamKey(), GROUP, consumer, settings.claimIdle().toMillis(),
                        StreamEntryID.MINIMUM_ID, XAutoClaimParams.xAutoClaimParams().count(settings.batch()));
                var fresh = pipeline.xreadGroup(GROUP, consumer,
                        XReadGroupParams.xReadGroupParams().count(settings.batch()),
                        Map.of(streamKey(), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
                pipeline.sync();
                entries.addAll(claimed.get().getValue());
                if (fresh.get() != null) {
                    fresh.get().forEach(stream -> entries.addAll(stream.getValue()));
                }
                return null;
            }
        });
    }

    /**
     * Removes from both streams what is older than two days: replies waiting that long (their
     * sealed addresses and texts) and dead letters. Replies done with are deleted at once.
     */
    void trim() {
        var oldest = (clock.millis() - KEEP.toMillis()) + "-0";
        var params = XTrimParams.xTrimParams().minId(oldest);
        var streams = List.of(streamKey(), dead.key());
        new WriteBatch().add(tx -> streams.forEach(stream -> tx.xtrim(stream, params))).run(store);
    }

    /** The replies given up on, oldest first. */
    public List<DeadLetter> deadLetters(int max) {
        return dead.read(max);
    }

    private void process(StreamEntry entry, Pass pass) {
        var fields = entry.getFields();
        var id = fields.get("id");
        var conversation = fields.get("conv");
        if (id == null || conversation == null) {
            ack(entry);
            return;
        }
        var channel = Channel.fromId(fields.get("channel")).orElse(null);
        if (pass.waiting().containsKey(conversation) || channel != null && pass.spent().contains(channel)) {
            pass.waiting().putIfAbsent(conversation, id);
            return;
        }
        var look = gates.look(id, conversation);
        if (look.sent()) {
            // Sent before a crash took its acknowledgement: it may hold its conversation still.
            var batch = new WriteBatch();
            gates.released(id, conversation, batch);
            ack(entry, batch);
            batch.run(store);
            return;
        }
        var sender = channel == null ? null : pass.senders().get(channel);
        if (sender == null) {
            deadLetter(entry, "no sender for channel " + fields.get("channel"), 0);
            return;
        }
        OutboundMessage message;
        try {
            message = open(id, channel, fields, look.partsDone());
        } catch (IllegalArgumentException unreadable) {
            // Sealed under another key, or damaged: no retry will open it, and the others go on.
            deadLetter(entry, "UNREADABLE: " + unreadable.getMessage(), gates.attempts(id));
            return;
        }
        var verdict = gates.mayGo(id, channel, look);
        if (verdict == OutboxGates.Verdict.CHANNEL_SPENT) {
            pass.spent().add(channel);
        }
        if (verdict.holds()) {
            pass.waiting().putIfAbsent(conversation, id);
        }
        if (verdict != OutboxGates.Verdict.GO) {
            return;
        }
        SendResult result;
        try {
            result = WITHDRAW.equals(fields.get("kind")) ? withdraw(message, conversation, sender)
                    : sender.send(message);
        } catch (RuntimeException e) {
            // A sender must not throw; if one does, the reply is retried like a lost connection.
            result = SendResult.failed(SendFailure.CONNECTION_FAILED, e.getClass().getSimpleName());
        }
        settle(entry, id, conversation, channel, result, !fields.containsKey(FINAL));
        if (WITHDRAW.equals(fields.get("kind")) && !result.retryable()) {
            // Taken back, or never to be: her ids and her chat's rate are of no use any more.
            erasure.forget(conversation);
            gates.forget(conversation);
        }
    }

    /** Takes back what the channel still lets us; nothing to take back is done at once. */
    private SendResult withdraw(OutboundMessage message, String conversation, ChannelSender sender) {
        var receipts = erasure.receipts(conversation);
        if (receipts.isEmpty()) {
            return SendResult.sent();
        }
        return sender.withdraw(new Withdrawal(message.messageId(), message.channel(), message.address(), receipts));
    }

    /**
     * The message an entry holds, opened in memory.
     *
     * @throws IllegalArgumentException when the address or the reply does not open; the message
     *                                  says which, never what
     */
    private OutboundMessage open(String id, Channel channel, Map<String, String> fields, int partsDone) {
        var address = opened(sealers.addresses(), fields.get("to"), "address");
        var sealedReply = fields.get(REPLY);
        var reply = WITHDRAW.equals(fields.get("kind")) ? Reply.text("")
                : sealedReply == null
                ? OutboxPayload.legacy(fields)
                : OutboxPayload.decode(opened(sealers.texts(), sealedReply, "reply"));
        return new OutboundMessage(id, channel, address, reply, partsDone);
    }

    private static String opened(AddressSealer sealer, String sealed, String what) {
        try {
            return sealer.open(sealed);
        } catch (UnknownKeyException e) {
            throw new IllegalArgumentException("the " + what + " is " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " does not open with this key");
        }
    }

    /** After a send: its outcome recorded; a success in one transaction. */
    private void settle(StreamEntry entry, String id, String conversation, Channel channel, SendResult result,
            boolean keepReceipts) {
        if (result.ok()) {
            var batch = new WriteBatch();
            if (keepReceipts) {
                erasure.received(conversation, result.receipts(), batch);
            }
            gates.sent(id, conversation, channel, batch);
            ack(entry, batch);
            batch.run(store);
            return;
        }
        var kind = result.failure().orElseThrow();
        if (result.partsDone() > 0) {
            gates.partsDone(id, result.partsDone());
        }
        if (result.retryable()) {
            int attempts = gates.failedOnce(id, conversation, result.retryAfter());
            if (attempts >= settings.maxAttempts()) {
                deadLetter(entry, kind + ": " + result.reason(), attempts);
            }
            log.info("outbox retry message={} conversation={} failure={} attempt={}", id, conversation, kind, attempts);
            return;
        }
        if (kind == SendFailure.CONTACT_STOPPED) {
            contactStopped.accept(conversation);
        }
        deadLetter(entry, kind + ": " + result.reason(), gates.attempts(id) + 1);
    }

    /** Given up on: kept as a dead letter, its conversation let go on, the entry gone; in one transaction. */
    private void deadLetter(StreamEntry entry, String reason, int attempts) {
        var fields = entry.getFields();
        var batch = new WriteBatch();
        var letter = dead.add(fields, reason, attempts, batch);
        gates.released(fields.get("id"), fields.get("conv"), batch);
        ack(entry, batch);
        batch.run(store);
        log.warn("outbox dead letter message={} conversation={} reason={}", letter.get("id"), letter.get("conv"),
                reason);
    }

    /** Done with: the entry leaves the stream at once, its sealed address and reply with it. */
    private void ack(StreamEntry entry) {
        var batch = new WriteBatch();
        ack(entry, batch);
        batch.run(store);
    }

    private void ack(StreamEntry entry, WriteBatch batch) {
        var stream = streamKey();
        batch.add(tx -> {
            tx.xack(stream, GROUP, entry.getID());
            tx.xdel(stream, entry.getID());
        });
    }

    private void ensureGroup() {
        if (groupReady) {
            return;
        }
        store.createGroup(streamKey(), GROUP);
        groupReady = true;
    }

    private String streamKey() {
        return store.key("outbox");
    }

}
