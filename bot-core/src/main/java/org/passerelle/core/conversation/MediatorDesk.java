package org.passerelle.core.conversation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.passerelle.content.Language;
import org.passerelle.content.UiKeys;
import org.passerelle.core.channel.Reply;
import org.passerelle.core.handoff.HandoffConflictException;
import org.passerelle.core.handoff.HandoffQueue;
import org.passerelle.core.handoff.HandoffState;
import org.passerelle.core.handoff.InboxItem;
import org.passerelle.core.handoff.Mediator;
import org.passerelle.core.handoff.Priority;
import org.passerelle.core.handoff.Skill;
import org.passerelle.core.handoff.Transcript;
import org.passerelle.core.handoff.TranscriptEntry;
import org.passerelle.core.handoff.UnknownHandoffException;
import org.passerelle.core.outbox.Outbox;
import org.passerelle.core.stats.Tally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mediators' side of the engine: the waiting list, the conversations each one holds, the
 * transcript, and the actions (claim, send, release, transfer, close). Every action runs under
 * the conversation's turn lock, so it never interleaves with her turns, and keeps her
 * conversation's handoff state in step (WAITING, WITH_MEDIATOR, then BOT or CLOSED). What she
 * is told, and what the mediator writes, leaves through the outbox on her own channel; her
 * address stays sealed in Redis. Thread-safe.
 */
public final class MediatorDesk {

    private static final Logger log = LoggerFactory.getLogger(MediatorDesk.class);

    private final ConversationEngine engine;
    private final Outbox outbox;
    private final Clock clock;
    private final HandoffQueue queue;
    private final Transcript transcript;
    private final HandoffSetup setup;

    /**
     * @param engine an engine built with a {@link HandoffSetup}
     * @param outbox where the messages to her go
     * @param clock  the time source
     * @throws IllegalArgumentException when the engine has no handoff setup
     */
    public MediatorDesk(ConversationEngine engine, Outbox outbox, Clock clock) {
        this.engine = engine;
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = clock;
        this.queue = engine.handoffs().queue();
        this.transcript = engine.handoffs().transcript();
        this.setup = engine.handoffs().setup();
        if (setup == null) {
            throw new IllegalArgumentException("the engine was built without a handoff setup");
        }
    }

    /**
     * Waiting conversations this mediator may take, most urgent first (danger, minor, then the
     * longest wait): only her languages (all when her set is empty); a minor's handoff is offered
     * only to MINORS-trained mediators during the configured first period.
     */
    public List<InboxItem> waiting(Mediator mediator) {
        var now = clock.instant();
        var exclusive = setup.settings().minorExclusive();
        return queue.waitingItems().stream()
                .filter(item -> mediator.speaks(item.language()))
                .filter(item -> item.priority() != Priority.MINOR || mediator.has(Skill.MINORS)
                        || !now.isBefore(item.requestedAt().plus(exclusive)))
                .toList();
    }

    /** The conversations this mediator holds, the most recent claim first. */
    public List<InboxItem> held(String mediatorId) {
        return queue.heldItems().stream().filter(item -> item.heldBy(mediatorId)).toList();
    }

    /** One waiting or held conversation. */
    public Optional<InboxItem> find(String conversationId) {
        return queue.find(conversationId);
    }

    /** The transcript (a few turns before the handoff, then everything since), oldest first. */
    public List<TranscriptEntry> transcript(String conversationId) {
        return transcript.entries(conversationId);
    }

    /**
     * Takes a waiting conversation; the bot falls silent (safety replies excepted) and she is told
     * a mediator is with her. Claiming one she already holds changes nothing.
     *
     * @throws HandoffConflictException when another mediator holds it
     * @throws UnknownHandoffException  when it is not waiting or held
     */
    public InboxItem claim(String conversationId, Mediator mediator) {
        return engine.locked(conversationId, () -> {
            var before = queue.find(conversationId).orElseThrow(() -> new UnknownHandoffException(conversationId));
            if (before.heldBy(mediator.id())) {
                return before;
            }
            var item = queue.claim(conversationId, mediator.id());
            engine.stats().record(new Tally().claimed(item.priority(), Duration.between(item.requestedAt(),
                    item.claimedAt() == null ? clock.instant() : item.claimedAt())));
            var language = moveTo(conversationId, HandoffState.WITH_MEDIATOR, item.language());
            tell(item, queue.sealedAddress(conversationId),
                    Reply.text(engine.content().ui(language, UiKeys.HANDOFF_CLAIMED)));
            log.info("handoff claimed conversation={} mediator={}", conversationId, mediator.id());
            return item;
        });
    }

    /**
     * Sends the mediator's text to her through her own channel (outbox) and adds it to the
     * transcript.
     *
     * @throws HandoffConflictException when she does not hold it
     * @throws UnknownHandoffException  when it is not waiting or held
     * @throws IllegalArgumentException when the text is blank or too long
     */
    public void send(String conversationId, String mediatorId, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
        }
        var clean = text.strip();
        if (clean.length() > setup.settings().maxTextLength()) {
            throw new IllegalArgumentException("text must be at most " + setup.settings().maxTextLength()
                    + " characters, was " + clean.length());
        }
        engine.locked(conversationId, () -> {
            var item = held(conversationId, mediatorId);
            var sealed = queue.sealedAddress(conversationId)
                    .orElseThrow(() -> new IllegalStateException("no address kept for this conversation"));
            outbox.enqueue(conversationId, item.channel(), setup.addresses().open(sealed), List.of(Reply.text(clean)));
            transcript.record(conversationId, true,
                    List.of(new TranscriptEntry(TranscriptEntry.Author.MEDIATOR, clean, clock.instant())));
            return null;
        });
    }

    /**
     * Gives the conversation back to the bot; she is told, with the main menu.
     *
     * @throws HandoffConflictException when she does not hold it
     * @throws UnknownHandoffException  when it is not waiting or held
     */
    public void release(String conversationId, String mediatorId) {
        finish(conversationId, mediatorId, HandoffState.BOT, UiKeys.HANDOFF_RELEASED);
    }

    /**
     * Hands a held conversation to another mediator.
     *
     * @throws HandoffConflictException when the caller does not hold it
     * @throws UnknownHandoffException  when it is not waiting or held
     */
    public void transfer(String conversationId, String mediatorId, Mediator to) {
        engine.locked(conversationId, () -> queue.transfer(conversationId, mediatorId, to.id()));
        log.info("handoff transferred conversation={} from={} to={}", conversationId, mediatorId, to.id());
    }

    /**
     * Ends the handoff; she is told; the transcript is deleted after the configured period.
     *
     * @throws HandoffConflictException when she does not hold it
     * @throws UnknownHandoffException  when it is not waiting or held
     */
    public void close(String conversationId, String mediatorId) {
        finish(conversationId, mediatorId, HandoffState.CLOSED, UiKeys.HANDOFF_CLOSED);
    }

    /** Short canned replies in that language (from the content), for the reply box. */
    public List<String> cannedReplies(Language language) {
        var catalog = engine.content();
        return UiKeys.INBOX_CANNED.stream().map(key -> catalog.ui(language, key)).toList();
    }

    /**
     * A number that changes whenever the queue, a claim or any transcript changes, on any
     * instance: the inbox polls it to push live updates.
     */
    public long version() {
        return queue.version();
    }

    private void finish(String conversationId, String mediatorId, HandoffState after, String noticeKey) {
        engine.locked(conversationId, () -> {
            var item = held(conversationId, mediatorId);
            var sealed = queue.sealedAddress(conversationId);
            queue.finish(conversationId, mediatorId);
            var language = moveTo(conversationId, after, item.language());
            var catalog = engine.content();
            var menus = new Menus(catalog);
            tell(item, sealed, new Reply(catalog.ui(language, noticeKey) + "\n\n" + catalog.ui(language, "menu.title"),
                    menus.mainOptions(language)));
            transcript.expireAfterClose(conversationId);
            log.info("handoff {} conversation={} mediator={}", after == HandoffState.BOT ? "released" : "closed",
                    conversationId, mediatorId);
            return null;
        });
    }

    private InboxItem held(String conversationId, String mediatorId) {
        var item = queue.find(conversationId).orElseThrow(() -> new UnknownHandoffException(conversationId));
        if (!item.heldBy(mediatorId)) {
            throw new HandoffConflictException(conversationId, "this conversation is not held by the caller");
        }
        return item;
    }

    /** Keeps her conversation's handoff state in step; returns her language now. */
    private Language moveTo(String conversationId, HandoffState handoff, Language fallback) {
        var conversations = engine.conversations();
        var state = conversations.load(conversationId);
        // Back at the menu: a question the bot asked before (erase?) is not pending any more.
        state.ifPresent(s -> conversations.save(conversationId, s.handedOff(handoff).at(Step.MENU, null)));
        return state.map(ConversationState::language).filter(Objects::nonNull).orElse(fallback);
    }

    private void tell(InboxItem item, Optional<String> sealed, Reply reply) {
        sealed.ifPresent(address -> outbox.enqueue(item.conversationId(), item.channel(),
                setup.addresses().open(address), List.of(reply)));
        transcript.record(item.conversationId(), true,
                List.of(new TranscriptEntry(TranscriptEntry.Author.BOT, reply.text(), clock.instant())));
    }
}
