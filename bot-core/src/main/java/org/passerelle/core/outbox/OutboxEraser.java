package org.passerelle.core.outbox;

import java.util.List;
import org.passerelle.core.store.RedisStore;

/**
 * Forgets what the outbox holds for one conversation, each part in one step: her replies still
 * waiting or being retried (taken off the consumer group's pending list, then deleted, with their
 * sealed addresses and texts) with what the senders keep about her (the hold that orders her
 * replies, her rate); and, when {@link Outbox#erase} queues her last replies, her dead letters.
 * Replies queued afterwards, such as the confirmation of an erase, are sent as usual. Thread-safe.
 */
public final class OutboxEraser {

    // Deletes the entries of one conversation from a stream (KEYS[1]), with the senders' keys of
    // each message. ARGV: conversation, group (or '' for none), gate key prefix ("…outbox:").
    // Streams are read in pages so that a long stream never needs one huge reply in memory.
    private static final String FORGET_ENTRIES = """
            local function forget(stream, group)
                local gone = 0
                local from = '-'
                while true do
                    local page = redis.call('xrange', stream, from, '+', 'COUNT', 500)
                    if #page == 0 then break end
                    for _, entry in ipairs(page) do
                        local id, fields = entry[1], entry[2]
                        local conv, message = nil, nil
                        for i = 1, #fields, 2 do
                            if fields[i] == 'conv' then conv = fields[i + 1] end
                            if fields[i] == 'id' then message = fields[i + 1] end
                        end
                        if conv == ARGV[1] then
                            if group ~= '' then redis.pcall('xack', stream, group, id) end
                            redis.call('xdel', stream, id)
                            if message then
                                redis.call('del', ARGV[3] .. 'attempts:' .. message, ARGV[3] .. 'backoff:' .. message,
                                    ARGV[3] .. 'parts:' .. message)
                            end
                            gone = gone + 1
                        end
                    end
                    if #page < 500 then break end
                    from = '(' .. page[#page][1]
                end
                return gone
            end
            """;

    // Her replies in the outbox stream, then the hold that orders them and her rate.
    private static final String FORGET = FORGET_ENTRIES + """
            local gone = forget(KEYS[1], ARGV[2])
            redis.call('del', ARGV[3] .. 'hold:' .. ARGV[1], ARGV[3] .. 'rate:' .. ARGV[1])
            return gone
            """;

    private static final String FORGET_DEAD = FORGET_ENTRIES + "return forget(KEYS[1], '')\n";

    private final RedisStore store;

    public OutboxEraser(RedisStore store) {
        this.store = store;
    }

    /**
     * Forgets her replies waiting or being retried and the senders' keys about her.
     *
     * @return how many stream entries were deleted
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    public long forget(String conversationId) {
        return count(store.call(jedis -> jedis.eval(FORGET, List.of(store.key("outbox")),
                List.of(conversationId, Outbox.GROUP, store.key("outbox", "")))));
    }

    /**
     * Forgets her dead letters (no address, no text, but her pseudonym).
     *
     * @return how many were deleted
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    long forgetDeadLetters(String conversationId) {
        return count(store.call(jedis -> jedis.eval(FORGET_DEAD, List.of(store.key("outbox", "dead")),
                List.of(conversationId, "", store.key("outbox", "")))));
    }

    private static long count(Object gone) {
        return gone instanceof Long count ? count : 0;
    }
}
