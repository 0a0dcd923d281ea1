package org.passerelle.core.conversation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.core.barriers.Barriers;
import org.passerelle.core.booking.Appointments;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.InboundMessage;
import org.passerelle.core.channel.Reply;
import org.passerelle.core.content.PublishedContent;
import org.passerelle.core.nlu.SafetySignal;
import org.passerelle.core.nlu.Understanding;
import org.passerelle.core.outbox.OutboxEraser;
import org.passerelle.core.privacy.Pseudonymizer;
import org.passerelle.core.stats.Stats;
import org.passerelle.core.stats.Tally;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.StoreUnavailableException;
import org.passerelle.core.store.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one message of one person: pseudonymises her address, takes her conversation's lock
 * so that her turns never interleave, runs the dialogue on her stored state and keeps the new
 * state. Channel-neutral and thread-safe; connectors call it, it never calls a channel.
 */
public final class ConversationEngine {

    private static final Logger log = LoggerFactory.getLogger(ConversationEngine.class);

    private final Supplier<ContentCatalog> content;
    private final Understanding understanding;
    private final Appointments appointments;
    private final Pseudonymizer pseudonymizer;
    private final ConversationLocks locks;
    private final TurnOpening opening;
    private final RedisStore store;
    private final PublishedContent published;
    private final ConversationStore conversations;
    private final HandoffSide handoffs;
    private final OutboxEraser outbox;
    private final EngineSettings settings;
    private final Clock clock;
    private final Stats stats;
    private final Barriers barriers;

    /**
     * @param content       the content in force; read at every turn, so a publish takes effect
     *                      on the next message (the {@link PublishedContent}'s version is read
     *                      in the turn's first round trip)
     * @param understanding reads each message: safety, language, intent
     * @param store         the Redis store
     * @param pseudonymizer turns addresses into conversation ids
     * @param settings      retention, lock lease and wait, text limit
     * @param clock         the time source
     */
    public ConversationEngine(Supplier<ContentCatalog> content, Understanding understanding, RedisStore store,
            Pseudonymizer pseudonymizer, EngineSettings settings, Clock clock) {
        this(content, understanding, null, store, pseudonymizer, settings, clock);
    }

    /**
     * An engine that also books appointments in the chat.
     *
     * @param appointments the services, their free times and her bookings; null for none
     */
    public ConversationEngine(Supplier<ContentCatalog> content, Understanding understanding, Appointments appointments,
            RedisStore store, Pseudonymizer pseudonymizer, EngineSettings settings, Clock clock) {
        this(content, understanding, appointments, store, pseudonymizer, settings, clock, null);
    }

    /**
     * An engine that hands conversations to mediators in full: her address kept sealed for their
     * messages, her turns in a sealed transcript, the team's hours told when she asks.
     *
     * @param handoff what the handoff needs; null for a queue without address or transcript
     */
    public ConversationEngine(Supplier<ContentCatalog> content, Understanding understanding, Appointments appointments,
            RedisStore store, Pseudonymizer pseudonymizer, EngineSettings settings, Clock clock,
            HandoffSetup handoff) {
        this(content, understanding, appointments, store, pseudonymizer, settings, clock, handoff, null);
    }

    /**
     * An engine that also counts anonymous daily statistics of what happens in the turns.
     *
     * @param stats the daily counters; null to count nothing
     */
    public ConversationEngine(Supplier<ContentCatalog> content, Understanding understanding, Appointments appointments,
            RedisStore store, Pseudonymizer pseudonymizer, EngineSettings settings, Clock clock,
            HandoffSetup handoff, Stats stats) {
        this(content, understanding, appointments, store, pseudonymizer, settings, clock, handoff, stats, null);
    }

    /**
     * An engine that also asks, later and once, about the barriers she met after reading the
     * complaint, residence permit or lawyer topic, and counts her answers anonymously.
     *
     * @param barriers the questions' settings and the monthly counters; null to ask nothing
     */
    public ConversationEngine(Supplier<ContentCatalog> content, Understanding understanding, Appointments appointments,
            RedisStore store, Pseudonymizer pseudonymizer, EngineSettings settings, Clock clock,
            HandoffSetup handoff, Stats stats, Barriers barriers) {
        this.content = content;
        this.understanding = understanding;
        this.appointments = appointments;
        this.pseudonymizer = pseudonymizer;
        this.settings = settings;
        this.clock = clock;
        this.locks = new ConversationLocks(store, settings.lockLease(), settings.lockWait());
        this.store = store;
        this.published = content instanceof PublishedContent versions ? versions : null;
        this.conversations = new ConversationStore(store, settings.retention(),
                appointments == null ? null : appointments.nicknames(), handoff == null ? null : handoff.texts());
        this.outbox = new OutboxEraser(store);
        this.handoffs = new HandoffSide(store, settings.retention(), clock, handoff);
        this.opening = new TurnOpening(store, settings, handoffs.queue()::requestKey,
                published == null ? null : published.versionKey());
        this.stats = stats == null ? Stats.off() : stats;
        this.barriers = barriers == null ? Barriers.off() : barriers;
    }

    /**
     * Answers one message, in two round trips to Redis: one that opens the turn (limit, lock,
     * state) and one that writes everything it changed and gives the lock back.
     *
     * @throws ConversationBusyException when her previous turn holds the lock for too long
     * @throws TooManyMessagesException  when she sent more messages in a minute than allowed, unless
     *                                   this one says she is in danger or a minor
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    public TurnResult handle(InboundMessage message) {
        return take(message, true, null, (turn, writes) -> turn).orElseThrow();
    }

    /**
     * Runs one turn for the intake: opens it (a message seen before under {@code seenKey} takes
     * nothing and gives empty), answers it, lets {@code after} add its own writes (the replies'
     * queueing, the seen mark) to those of the turn, and writes them all with the lock's release
     * in one transaction. Metered: counted against the per-minute limit (a message kept while
     * Redis was down was counted when it arrived instead).
     *
     * @param seenKey the key that marks this message as taken; null for one that cannot be recognised
     */
    <T> Optional<T> take(InboundMessage message, boolean metered, String seenKey,
            BiFunction<TurnResult, WriteBatch, T> after) {
        var conversationId = pseudonymizer.pseudonym(message.channel(), message.address());
        long deadline = locks.deadline();
        return locks.locally(conversationId, deadline, () -> {
            var lease = locks.lease(conversationId);
            var opened = opening.open(new TurnOpening.Request(conversationId, lease, seenKey, metered),
                    request -> mayPass(conversationId, message.text()), deadline);
            if (opened.seen()) {
                return Optional.empty();
            }
            boolean written = false;
            try {
                var writes = new WriteBatch();
                var answer = after.apply(turn(conversationId, message, opened, writes), writes);
                locks.release(lease, writes);
                writes.run(store);
                written = true;
                return Optional.of(answer);
            } finally {
                if (!written) {
                    releaseAfterFailure(lease);
                }
            }
        });
    }

    private void releaseAfterFailure(ConversationLocks.Lease lease) {
        try {
            locks.release(lease);
        } catch (StoreUnavailableException e) {
            // Redis is the failure being thrown: the lease runs out on its own.
            log.debug("turn lock left to expire: {}", e.getMessage());
        }
    }

    /** The flood limit, which a call for help or a minor's message passes: it must never silence them. */
    private boolean mayPass(String conversationId, String text) {
        var read = text.length() > settings.maxTextLength() ? text.substring(0, settings.maxTextLength()) : text;
        var signals = understanding.safety().scan(read);
        boolean passes = signals.contains(SafetySignal.DANGER) || signals.contains(SafetySignal.MINOR);
        if (passes) {
            log.info("flood limit passed by a safety message conversation={}", conversationId);
        }
        return passes;
    }

    /** One turn; the caller holds the conversation's lock and writes the batch afterwards. */
    private TurnResult turn(String conversationId, InboundMessage message, TurnOpening.Opened opened,
            WriteBatch writes) {
        var text = message.text().length() > settings.maxTextLength()
                ? message.text().substring(0, settings.maxTextLength())
                : message.text();
        var previous = HandoffSide.healed(conversations.read(conversationId, opened.fields()).orElse(null),
                opened.handoffKept());
        var catalog = published == null ? content.get() : published.at(opened.contentVersion());
        var now = clock.instant();
        var tally = new Tally();
        var dialogue = new Dialogue(catalog, understanding, settings.idleRestart(), appointments, conversationId,
                message.address(), tally, barriers);
        var outcome = handoffs.outsideHours(previous, dialogue.respond(previous, text, message.channel(), now),
                catalog, now);
        var state = outcome.state();
        if (outcome.erase()) {
            erase(conversationId, message);
            return new TurnResult(conversationId, state.languageOrSource(), outcome.replies(), true);
        }
        conversations.save(conversationId, state, writes);
        boolean queued = handoffs.afterTurn(conversationId, message.address(), outcome, text, writes);
        stats.record(TurnCounts.of(tally, previous, outcome, queued, message.channel()), writes);
        // Counted apart from her state, by topic, type and month only: nothing links it to her.
        dialogue.barrierAnswer().ifPresent(answer -> barriers.count(answer, writes));
        // At DEBUG: a line a message would be most of the log and a trail of every person's
        // activity; the statistics count the turns.
        log.debug("turn conversation={} channel={} step={} first={} handoff={}", conversationId,
                message.channel().id(), state.step(), previous == null, outcome.handoff().map(Enum::name).orElse("-"));
        return new TurnResult(conversationId, state.languageOrSource(), outcome.replies(), false);
    }

    private void erase(String conversationId, InboundMessage message) {
        if (appointments != null) {
            // Her bookings go with her: their places are free again, and no reminder follows.
            appointments.cancelAllOf(conversationId);
        }
        handoffs.remove(conversationId);
        // Replies still waiting for her go too; the confirmation of this turn is queued after.
        outbox.forget(conversationId);
        conversations.erase(conversationId);
        log.info("erased conversation={} channel={}", conversationId, message.channel().id());
    }

    /**
     * Makes these option keys the ones her next message picks from (by number), after a message
     * sent outside a turn, such as a reminder; nothing for a conversation that is gone.
     */
    void offerChoices(String conversationId, List<String> keys) {
        locks.withLock(conversationId, () -> {
            conversations.load(conversationId)
                    .ifPresent(state -> conversations.save(conversationId, state.offering(keys, 0)));
            return null;
        });
    }

    /** Runs work under the turn lock of a conversation, as the mediators' desk does. */
    <T> T locked(String conversationId, Supplier<T> work) {
        return locks.withLock(conversationId, work);
    }

    /** The stored conversations. */
    ConversationStore conversations() {
        return conversations;
    }

    /** The handoff side: queue, transcript, setup. */
    HandoffSide handoffs() {
        return handoffs;
    }

    /** The anonymous daily counters (counting nothing when the engine was built without them). */
    Stats stats() {
        return stats;
    }

    /** The content in force. */
    ContentCatalog content() {
        return content.get();
    }

    /**
     * Marks a conversation as one that asked us to stop: nothing is sent to her unprompted until
     * she writes again.
     *
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    public void markStopped(String conversationId) {
        try {
            locks.withLock(conversationId, () -> {
                conversations.markStopped(conversationId);
                return null;
            });
        } catch (ConversationBusyException writing) {
            // She is writing right now: her message un-stops her anyway, as any message of hers does.
            log.debug("stop not marked, a turn holds the conversation={}", conversationId);
        }
    }

    /**
     * Whether a conversation is kept for this address (not erased, not expired).
     *
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    public boolean knows(Channel channel, String address) {
        return conversations.exists(pseudonymizer.pseudonym(channel, address));
    }

    /**
     * What to say when the engine cannot answer (Redis down): that it is brief, and the
     * emergency numbers, so that no one in danger is left with nothing.
     */
    public Reply unavailableReply(Language language) {
        return Reply.text(content.get().ui(language, "error.unavailable"));
    }
}
