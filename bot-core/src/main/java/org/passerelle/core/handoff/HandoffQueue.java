package org.passerelle.core.handoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.passerelle.content.Language;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.store.RedisStore;
import redis.clients.jedis.Response;

/**
 * The handoffs in Redis: the queue of conversations waiting for a mediator, scored so that danger
 * comes before minors, minors before the rest, and within a priority the longest wait first; and
 * the conversations a mediator holds, with who and since when. Claiming, releasing, transferring
 * and closing are single Lua scripts: of two mediators claiming at once exactly one wins, on any
 * number of instances. Each request keeps her address sealed, never in clear. Thread-safe.
 */
public final class HandoffQueue {

    // Scores are rank * SPAN + epoch millis; SPAN is far above any epoch millis of this century.
    private static final double SPAN = 1e13;

    private final RedisStore store;
    private final Duration retention;
    private final Clock clock;

    /**
     * @param store     the Redis store
     * @param retention how long a request is kept when nobody acts on it
     * @param clock     the time source
     */
    public HandoffQueue(RedisStore store, Duration retention, Clock clock) {
        this.store = store;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * Puts a conversation in the queue without an address to answer to (the inbox lists it, but
     * nothing can be sent to her). See {@link #request(String, Language, Channel, Priority, String)}.
     */
    public boolean request(String conversationId, Language language, Channel channel, Priority priority) {
        return request(conversationId, language, channel, priority, null);
    }

    /**
     * Puts a conversation in the queue, once: asking again keeps its place, and a higher priority
     * (danger after a plain request) moves it up without losing its waiting time. While a mediator
     * holds it, a higher priority marks the held conversation instead.
     *
     * @param sealedAddress her address, sealed; null to keep the one already stored
     * @return true when it was not waiting or held yet
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    public boolean request(String conversationId, Language language, Channel channel, Priority priority,
            String sealedAddress) {
        var now = clock.instant();
        double score = priority.ordinal() * SPAN + now.toEpochMilli();
        Object added = store.call(jedis -> jedis.eval(HandoffScripts.REQUEST, keys(conversationId),
                List.of(conversationId, Double.toString(score), language.code(), channel.id(),
                        priority.name(), Long.toString(now.toEpochMilli()),
                        Long.toString(retention.toSeconds()), Integer.toString(priority.ordinal()),
                        Long.toString((long) SPAN), sealedAddress == null ? "" : sealedAddress)));
        return Long.valueOf(1).equals(added);
    }

    /**
     * Gives a waiting conversation to a mediator; claiming one she already holds changes nothing.
     *
     * @return the conversation as she now holds it
     * @throws HandoffConflictException when another mediator holds it
     * @throws UnknownHandoffException  when it is neither waiting nor held
     */
    public InboxItem claim(String conversationId, String mediatorId) {
        var now = clock.millis();
        var result = run(HandoffScripts.CLAIM, conversationId, mediatorId, Long.toString(now),
                Long.toString(retention.toSeconds()));
        check(result, conversationId, "another mediator holds this conversation");
        return find(conversationId).orElseThrow(() -> new UnknownHandoffException(conversationId));
    }

    /**
     * Ends the handoff that this mediator holds (given back to the bot, or closed).
     *
     * @throws HandoffConflictException when she does not hold it
     * @throws UnknownHandoffException  when it is neither waiting nor held
     */
    public void finish(String conversationId, String mediatorId) {
        check(run(HandoffScripts.FINISH, conversationId, mediatorId), conversationId,
                "this conversation is not held by the caller");
    }

    /**
     * Hands a held conversation to another mediator, from now.
     *
     * @throws HandoffConflictException when the first does not hold it
     * @throws UnknownHandoffException  when it is neither waiting nor held
     */
    public InboxItem transfer(String conversationId, String fromId, String toId) {
        check(run(HandoffScripts.TRANSFER, conversationId, fromId, toId, Long.toString(clock.millis())),
                conversationId, "this conversation is not held by the caller");
        return find(conversationId).orElseThrow(() -> new UnknownHandoffException(conversationId));
    }

    /**
     * Forgets a conversation's handoff entirely, waiting or held, e.g. when she erases everything.
     */
    public void remove(String conversationId) {
        run(HandoffScripts.REMOVE, conversationId);
    }

    /**
     * Takes out of the queue and the held set every pseudonym whose request has expired (nobody
     * acted on it for the retention period), so that no pseudonym outlives her data. Reading the
     * lists does it too; this sweep does it when nobody reads them.
     *
     * @return how many were taken out
     */
    public int forgetExpired() {
        var ids = new LinkedHashSet<String>(store.call(jedis -> jedis.zrange(queueKey(), 0, -1)));
        ids.addAll(store.call(jedis -> jedis.zrange(heldKey(), 0, -1)));
        int before = ids.size();
        return before - items(ids).size();
    }

    /** Whether the conversation is in the queue now. */
    public boolean isWaiting(String conversationId) {
        return store.call(jedis -> jedis.zscore(queueKey(), conversationId)) != null;
    }

    /** The waiting conversations, most urgent first. */
    public List<HandoffRequest> waiting() {
        return waitingItems().stream().map(item -> new HandoffRequest(item.conversationId(), item.language(),
                item.channel(), item.priority(), item.requestedAt())).toList();
    }

    /** The waiting conversations as the inbox shows them, most urgent first. */
    public List<InboxItem> waitingItems() {
        return items(store.call(jedis -> jedis.zrange(queueKey(), 0, -1)));
    }

    /** The held conversations, the most recent claim first. */
    public List<InboxItem> heldItems() {
        return items(store.call(jedis -> jedis.zrevrange(heldKey(), 0, -1))).stream()
                .filter(item -> item.state() == HandoffState.WITH_MEDIATOR).toList();
    }

    /** One waiting or held conversation. */
    public Optional<InboxItem> find(String conversationId) {
        return item(conversationId, store.call(jedis -> jedis.hgetAll(requestKey(conversationId))));
    }

    /** Her address as sealed with the request; empty when there is none. */
    public Optional<String> sealedAddress(String conversationId) {
        return Optional.ofNullable(store.call(jedis -> jedis.hget(requestKey(conversationId), "to")));
    }

    /** A number that changes with every change of the queue, a claim or a transcript. */
    public long version() {
        var value = store.call(jedis -> jedis.get(versionKey()));
        return value == null ? 0 : Long.parseLong(value);
    }

    // Every request of the list in one round trip: the inbox reads the list on each live update.
    private List<InboxItem> items(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var order = List.copyOf(ids);
        List<Map<String, String>> fields = store.call(jedis -> {
            try (var pipeline = jedis.pipelined()) {
                var replies = order.stream().map(id -> pipeline.hgetAll(requestKey(id))).toList();
                pipeline.sync();
                return replies.stream().map(Response::get).toList();
            }
        });
        var items = new ArrayList<InboxItem>(order.size());
        var expired = new ArrayList<String>();
        for (int i = 0; i < order.size(); i++) {
            var id = order.get(i);
            item(id, fields.get(i)).ifPresentOrElse(items::add, () -> expired.add(id));
        }
        forgetExpired(expired);
        return items;
    }

    /**
     * Takes out of the queue and the held set the pseudonyms whose request expired with the
     * retention period, so that no pseudonym stays in Redis after everything about her is gone.
     */
    private void forgetExpired(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        store.call(jedis -> {
            try (var pipeline = jedis.pipelined()) {
                ids.forEach(id -> pipeline.eval(HandoffScripts.FORGET_EXPIRED, keys(id), List.of(id)));
                pipeline.sync();
                return null;
            }
        });
    }

    private static Optional<InboxItem> item(String id, Map<String, String> fields) {
        if (fields.isEmpty() || fields.get("requestedAt") == null) {
            return Optional.empty();
        }
        var state = HandoffState.valueOf(fields.getOrDefault("state", HandoffState.WAITING.name()));
        var mediator = state == HandoffState.WITH_MEDIATOR ? fields.get("mediator") : null;
        var claimedAt = state == HandoffState.WITH_MEDIATOR && fields.get("claimedAt") != null
                ? Instant.ofEpochMilli(Long.parseLong(fields.get("claimedAt"))) : null;
        return Optional.of(new InboxItem(id, state,
                Language.fromCode(fields.get("language")).orElse(Language.SOURCE),
                Channel.fromId(fields.get("channel")).orElse(Channel.WEBCHAT),
                Priority.valueOf(fields.getOrDefault("priority", Priority.NORMAL.name())),
                Instant.ofEpochMilli(Long.parseLong(fields.get("requestedAt"))), mediator, claimedAt));
    }

    private static void check(Object result, String conversationId, String conflict) {
        if ("conflict".equals(result)) {
            throw new HandoffConflictException(conversationId, conflict);
        }
        if ("unknown".equals(result)) {
            throw new UnknownHandoffException(conversationId);
        }
    }

    private Object run(String script, String conversationId, String... more) {
        var args = new ArrayList<String>(more.length + 1);
        args.add(conversationId);
        args.addAll(List.of(more));
        return store.call(jedis -> jedis.eval(script, keys(conversationId), args));
    }

    private List<String> keys(String conversationId) {
        return List.of(queueKey(), requestKey(conversationId), heldKey(), versionKey());
    }

    private String queueKey() {
        return store.key("handoff", "queue");
    }

    private String heldKey() {
        return store.key("handoff", "queue", "held");
    }

    /** The version counter, which the transcript shares. */
    String versionKey() {
        return store.key("handoff", "queue", "version");
    }

    /**
     * The key of a conversation's request, for the script that opens her turns: it keeps an open
     * handoff (waiting or held) for another retention period while she writes, as her
     * conversation is kept, since a mediator may accompany her for weeks.
     */
    public String requestKey(String conversationId) {
        return store.key("handoff", conversationId);
    }
}
