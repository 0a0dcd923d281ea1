package org.passerelle.core.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.core.channel.Reply;
import org.passerelle.core.handoff.HandoffQueue;
import org.passerelle.core.handoff.HandoffState;
import org.passerelle.core.handoff.Priority;
import org.passerelle.core.handoff.Transcript;
import org.passerelle.core.handoff.TranscriptEntry;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.WriteBatch;

/**
 * The engine's side of the handoff: after each turn, puts her in the queue (with her address
 * sealed) and keeps the turn in her context or transcript; tells her when the team is away; and
 * forgets it all when she erases. Without a {@link HandoffSetup} it only queues (no address, no
 * transcript, the team always there).
 */
final class HandoffSide {

    private final HandoffQueue queue;
    private final Transcript transcript;
    private final HandoffSetup setup;
    private final Clock clock;

    HandoffSide(RedisStore store, Duration retention, Clock clock, HandoffSetup setup) {
        this.queue = new HandoffQueue(store, retention, clock);
        this.transcript = setup == null ? null : new Transcript(store, setup.texts(), retention, setup.settings());
        this.setup = setup;
        this.clock = clock;
    }

    HandoffQueue queue() {
        return queue;
    }

    /** The transcript store; null without a setup. */
    Transcript transcript() {
        return transcript;
    }

    /** The setup; null when the engine has none. */
    HandoffSetup setup() {
        return setup;
    }

    static boolean open(HandoffState state) {
        return state == HandoffState.WAITING || state == HandoffState.WITH_MEDIATOR;
    }

    /**
     * A request of hers while the team is away. A plain one: she is told when someone will
     * answer, given the emergency numbers and offered an appointment. Danger or a minor: the
     * emergency or child-protection answer stands, and she is told that her message is read
     * first when the team is back, not that someone answers now. She stays in the queue.
     */
    Outcome outsideHours(ConversationState previous, Outcome outcome, ContentCatalog catalog, Instant now) {
        var priority = outcome.handoff().orElse(null);
        if (setup == null || priority == null || outcome.state().handoff() == HandoffState.WITH_MEDIATOR) {
            return outcome;
        }
        boolean urgent = priority != Priority.NORMAL;
        if (!urgent && previous != null && open(previous.handoff())) {
            return outcome;
        }
        var team = setup.hours().current();
        var next = team.isOpen(now) ? null : team.nextOpening(now).orElse(null);
        if (next == null) {
            return outcome;
        }
        var language = outcome.state().languageOrSource();
        return urgent ? urgentAfterHours(outcome, catalog, language, when(next, language))
                : plainAfterHours(outcome, catalog, language, when(next, language));
    }

    private static Outcome plainAfterHours(Outcome outcome, ContentCatalog catalog, Language language, String when) {
        var text = catalog.ui(language, "handoff.after_hours").replace("{when}", when)
                + "\n\n" + catalog.ui(language, "emergency.short");
        var menus = new Menus(catalog);
        var keys = List.of(Menus.BOOK, Menus.EMERGENCY, Menus.MENU);
        var state = outcome.state().offering(keys, 0);
        return new Outcome(state, List.of(new Reply(text, keys.stream().map(k -> menus.option(k, language)).toList())),
                outcome.handoff(), false);
    }

    // "A mediator has been alerted first" would promise an answer now: say when instead.
    private static Outcome urgentAfterHours(Outcome outcome, ContentCatalog catalog, Language language, String when) {
        var alerted = catalog.ui(language, "handoff.urgent");
        var away = catalog.ui(language, "handoff.urgent_after_hours").replace("{when}", when);
        var replies = outcome.replies().stream()
                .map(reply -> reply.text().equals(alerted) ? new Reply(away, reply.options()) : reply)
                .toList();
        return new Outcome(outcome.state(), replies, outcome.handoff(), outcome.erase());
    }

    /**
     * Her state as the handoff stands: an open handoff is kept alive while she writes (the turn's
     * first round trip does it), and one that is gone (expired, or removed on another path) gives
     * her back to the bot rather than leaving her with a bot that stays silent for a mediator who
     * no longer holds her.
     *
     * @param kept whether there was a request to keep alive
     */
    static ConversationState healed(ConversationState previous, boolean kept) {
        if (previous == null || !open(previous.handoff()) || kept) {
            return previous;
        }
        return previous.handedOff(HandoffState.BOT);
    }

    /**
     * After a kept turn: the queue at once (whether she was put in it is counted), then her
     * context or transcript with the other writes of the turn.
     *
     * @return whether she was put in the queue by this turn (not waiting or held before)
     */
    boolean afterTurn(String conversationId, String address, Outcome outcome, String text, WriteBatch batch) {
        var state = outcome.state();
        var sealed = setup == null ? null : setup.addresses().seal(address);
        boolean queued = outcome.handoff().map(priority ->
                queue.request(conversationId, state.languageOrSource(), state.channel(), priority, sealed)).orElse(false);
        if (transcript == null) {
            return queued;
        }
        var at = clock.instant();
        var entries = new ArrayList<TranscriptEntry>();
        if (!text.isBlank()) {
            entries.add(new TranscriptEntry(TranscriptEntry.Author.PERSON, text, at));
        }
        outcome.replies().forEach(reply -> entries.add(new TranscriptEntry(TranscriptEntry.Author.BOT, reply.text(), at)));
        transcript.record(conversationId, open(state.handoff()), entries, batch);
        return queued;
    }

    /** Forgets her handoff, waiting or held, her transcript and her context, at once. */
    void remove(String conversationId) {
        queue.remove(conversationId);
        if (transcript != null) {
            transcript.erase(conversationId);
        }
    }

    /** A day and a time in Paris, in her language: "lundi 10:00", "Monday 10:00". */
    static String when(ZonedDateTime at, Language language) {
        return DateTimeFormatter.ofPattern("EEEE HH:mm", Locale.forLanguageTag(language.code())).format(at);
    }
}
