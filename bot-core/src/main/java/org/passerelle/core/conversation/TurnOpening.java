package org.passerelle.core.conversation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.passerelle.core.store.RedisScript;
import org.passerelle.core.store.RedisStore;

/**
 * The first round trip of a turn, one script: whether the channel delivered this message before,
 * the per-minute count, the conversation's lease, the handoff kept alive while she writes, the
 * content version in force and her stored state. A redelivery takes nothing; over the limit the
 * lease is not taken, and a message that must pass anyway (danger, a minor) asks again without
 * being counted twice; a lease held elsewhere is asked for again, uncounted, until the deadline.
 */
final class TurnOpening {

    /*
     * KEYS: state, lock, flood, handoff request, content version, seen.
     * ARGV: token, lease (ms), per-minute limit (0: not counted), handoff retention (s),
     *       '1' to look for the seen mark, '1' to read the content version.
     */
    private static final RedisScript OPEN = new RedisScript("""
            if ARGV[5] == '1' and redis.call('exists', KEYS[6]) == 1 then return {'seen'} end
            local limit = tonumber(ARGV[3])
            local count = 0
            if limit > 0 then
                count = redis.call('incr', KEYS[3])
                if count == 1 then redis.call('expire', KEYS[3], 60) end
                if count > limit then return {'flood', count} end
            end
            if not redis.call('set', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {'busy', count} end
            local kept = redis.call('expire', KEYS[4], ARGV[4])
            local version = ''
            if ARGV[6] == '1' then version = redis.call('get', KEYS[5]) or '' end
            return {'open', count, kept, version, redis.call('hgetall', KEYS[1])}
            """);

    /** What the turn needs to open: its keys, and whether this message counts against the limit. */
    record Request(String conversationId, ConversationLocks.Lease lease, String seenKey, boolean metered) {
    }

    /**
     * The opening: a redelivery (nothing else set), or the lease taken with her stored fields
     * (empty when none), whether an open handoff was kept and the content version ("" if unread).
     */
    record Opened(boolean seen, Map<String, String> fields, boolean handoffKept, String contentVersion) {
    }

    private final RedisStore store;
    private final Duration lease;
    private final Duration retention;
    private final int perMinute;
    private final String contentKey;
    private final UnaryOperator<String> handoffKey;

    /**
     * @param handoffKey the key of a conversation's handoff request
     * @param contentKey the key of the content version in force; null to read none
     */
    TurnOpening(RedisStore store, EngineSettings settings, UnaryOperator<String> handoffKey, String contentKey) {
        this.store = store;
        this.handoffKey = handoffKey;
        this.lease = settings.lockLease();
        this.retention = settings.retention();
        this.perMinute = settings.perMinute();
        this.contentKey = contentKey;
    }

    /**
     * Opens a turn.
     *
     * @param mayPass  whether a message over the limit must pass all the same (asked only then)
     * @param deadline when to give up waiting for a lease held elsewhere, in {@link System#nanoTime()}
     * @throws TooManyMessagesException  when she is over the limit and the message may not pass
     * @throws ConversationBusyException when the lease stays held elsewhere until the deadline
     */
    Opened open(Request request, Predicate<Request> mayPass, long deadline) {
        boolean counted = !request.metered();
        long pause = 2;
        while (true) {
            var answer = (List<?>) OPEN.run(store, keys(request), args(request, counted));
            var status = text(answer.get(0));
            switch (status) {
                case "seen" -> {
                    return new Opened(true, Map.of(), false, "");
                }
                case "flood" -> {
                    if (!mayPass.test(request)) {
                        throw new TooManyMessagesException("more than " + perMinute + " messages in a minute");
                    }
                    counted = true;
                }
                case "busy" -> {
                    counted = true;
                    pause = ConversationLocks.pause(pause, deadline);
                }
                default -> {
                    return new Opened(false, fields((List<?>) answer.get(4)), Long.valueOf(1).equals(answer.get(2)),
                            text(answer.get(3)));
                }
            }
        }
    }

    private List<String> keys(Request request) {
        var state = store.key("conv", request.conversationId());
        return List.of(state, request.lease().key(), store.key("flood", request.conversationId()),
                handoffKey.apply(request.conversationId()), contentKey == null ? state : contentKey,
                request.seenKey() == null ? state : request.seenKey());
    }

    private List<String> args(Request request, boolean counted) {
        return List.of(request.lease().token(), Long.toString(lease.toMillis()),
                Integer.toString(counted ? 0 : perMinute), Long.toString(retention.toSeconds()),
                request.seenKey() == null ? "0" : "1", contentKey == null ? "0" : "1");
    }

    private static Map<String, String> fields(List<?> flat) {
        var fields = new LinkedHashMap<String, String>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            fields.put(text(flat.get(i)), text(flat.get(i + 1)));
        }
        return fields;
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }
}
