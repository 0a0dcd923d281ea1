package org.passerelle.core.outbox;

import java.util.ArrayList;
import java.util.List;
import org.passerelle.core.store.RedisScript;
import org.passerelle.core.store.RedisStore;

/**
 * Forgets what the outbox holds for one conversation: her replies still waiting or being retried
 * (taken off the consumer group's pending list, then deleted, with their sealed addresses and
 * texts) with what the senders keep about her (the hold that orders her replies, her rate); and,
 * when {@link Outbox#erase} queues her last replies, her dead letters. A stream is gone through a
 * page of {@value #PAGE} entries a round trip, so that a long one never holds Redis for long; a
 * stream shorter than that takes one. Replies queued afterwards, such as the confirmation of an
 * erase, are sent as usual. Thread-safe.
 */
public final class OutboxEraser {

    /** Entries one call looks at: Redis runs one script at a time, so one call must stay short. */
    static final int PAGE = 500;

    /*
     * Deletes the entries of one conversation among one page of a stream (KEYS[1]), with the
     * senders' keys of each message; on the last page, the keys ARGV[6] and after too.
     * ARGV: conversation, group (or '' for none), gate key prefix ("…outbox:"), from ('-', or
     * '(' and the last id of the page before), page size, then the keys to delete at the end.
     * Returns {entries deleted, the last id looked at when a page may follow, else ''}.
     */
    private static final RedisScript FORGET_PAGE = new RedisScript("""
            local stream, group, prefix = KEYS[1], ARGV[2], ARGV[3]
            local size = tonumber(ARGV[5])
            local page = redis.call('xrange', stream, ARGV[4], '+', 'COUNT', size)
            local gone = 0
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
                        redis.call('del', prefix .. 'attempts:' .. message, prefix .. 'backoff:' .. message,
                            prefix .. 'parts:' .. message)
                    end
                    gone = gone + 1
                end
            end
            if #page == size then return {gone, page[#page][1]} end
            for i = 6, #ARGV do redis.call('del', ARGV[i]) end
            return {gone, ''}
            """);

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
        // Her replies in the outbox stream, then the hold that orders them and her rate.
        return forget(store.key("outbox"), conversationId, Outbox.GROUP,
                List.of(store.key("outbox", "hold", conversationId), store.key("outbox", "rate", conversationId)));
    }

    /**
     * Forgets her dead letters (no address, no text, but her pseudonym).
     *
     * @return how many were deleted
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    long forgetDeadLetters(String conversationId) {
        return forget(store.key("outbox", "dead"), conversationId, "", List.of());
    }

    // A page a call, from the oldest entry: a stream grown long under a backlog (a channel down
    // for hours) never holds Redis for more than a page. Her turn holds her lock meanwhile, so
    // that none of her replies is queued behind the pages already looked at.
    private long forget(String stream, String conversationId, String group, List<String> atTheEnd) {
        long gone = 0;
        var from = "-";
        while (true) {
            var args = new ArrayList<>(List.of(conversationId, group, store.key("outbox", ""), from,
                    Integer.toString(PAGE)));
            args.addAll(atTheEnd);
            var result = (List<?>) FORGET_PAGE.run(store, List.of(stream), args);
            gone += result.get(0) instanceof Long count ? count : 0;
            var last = String.valueOf(result.get(1));
            if (last.isEmpty()) {
                return gone;
            }
            from = "(" + last;
        }
    }
}
