package org.passerelle.core.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.passerelle.content.ContentCatalog;
import org.passerelle.core.barriers.Barrier;
import org.passerelle.core.barriers.BarrierMemory;
import org.passerelle.core.barriers.BarrierTopic;
import org.passerelle.core.barriers.Barriers;
import org.passerelle.core.channel.Reply;
import org.passerelle.core.handoff.HandoffState;
import org.passerelle.core.handoff.Priority;
import org.passerelle.core.nlu.TextNormalizer;

/**
 * The barrier questions in the dialogue (see {@code core.barriers}): after each turn, remembers
 * which of the three topics she read, turns the questions off for good when danger or a minor
 * was detected, and asks about a topic when one is due and the turn leaves her at rest on the
 * main menu, in place of that menu. Before a turn, takes her answer by number, key or whole
 * label, and lets the question lapse when she writes anything else. The answer of the turn is
 * kept here for the engine to count after the turn, apart from her state. One per turn.
 */
final class BarrierTurns {

    /** The prefix of the answers' option keys: {@code barrier:{topic}:{type}}. */
    static final String PREFIX = "barrier:";

    private final ContentCatalog catalog;
    private final Menus menus;
    private final Turns turns;
    private final Barriers barriers;
    private Barrier answered;

    BarrierTurns(ContentCatalog catalog, Menus menus, Turns turns, Barriers barriers) {
        this.catalog = catalog;
        this.menus = menus;
        this.turns = turns;
        this.barriers = barriers;
    }

    /** The answer she gave in this turn, to be counted once her state is kept. */
    Optional<Barrier> answered() {
        return Optional.ofNullable(answered);
    }

    /** The answer an option key stands for, if it is one. */
    static Optional<Barrier> barrier(String key) {
        if (!key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        var parts = key.substring(PREFIX.length()).split(":");
        return parts.length != 2 ? Optional.empty()
                : BarrierTopic.fromId(parts[0]).flatMap(topic -> Barrier.of(topic, parts[1]));
    }

    /**
     * Her answer to the question asked in the last turn, or an old answer button sent again
     * (which only brings the menu back, counted never twice); empty for anything else.
     */
    Optional<Outcome> answer(ConversationState state, String input) {
        if (input.startsWith(PREFIX)) {
            return Optional.of(asking(state) && state.choices().contains(input) ? take(state, input)
                    : turns.mainMenu(state, null));
        }
        if (!asking(state)) {
            return Optional.empty();
        }
        var options = menus.options(state);
        for (int i = 0; i < options.size(); i++) {
            var option = options.get(i);
            if (input.equals(Integer.toString(i + 1)) || TextNormalizer.normalize(option.label()).equals(input)) {
                return Optional.of(take(state, option.key()));
            }
        }
        return Optional.empty();
    }

    /** The state as if the question had not been asked: what she wrote is read from the main menu. */
    ConversationState lapsed(ConversationState state) {
        return asking(state) ? state.at(Step.MENU, null) : state;
    }

    /** After the turn: remembers, silences, or asks. */
    Outcome follow(Outcome outcome, Instant now) {
        if (!barriers.asking()) {
            return outcome;
        }
        var state = outcome.state();
        var memory = remembered(outcome, now);
        var kept = new Outcome(state.remembering(memory), outcome.replies(), outcome.handoff(), outcome.erase());
        if (!atRest(outcome)) {
            return kept;
        }
        return memory.due(now, barriers.settings().delay()).map(topic -> ask(kept, topic, now)).orElse(kept);
    }

    private BarrierMemory remembered(Outcome outcome, Instant now) {
        var state = outcome.state();
        boolean alert = outcome.handoff().filter(p -> p == Priority.DANGER || p == Priority.MINOR).isPresent();
        if (alert) {
            return state.barriers().silenced();
        }
        if (state.step() == Step.TOPIC && state.topicId() != null) {
            var read = BarrierTopic.fromId(state.topicId());
            if (read.isPresent()) {
                return state.barriers().reading(read.get(), now);
            }
        }
        return state.barriers();
    }

    /** A turn that ends on the plain main menu, with no handoff, booking or erase in view. */
    private boolean atRest(Outcome outcome) {
        var state = outcome.state();
        if (outcome.erase() || outcome.handoff().isPresent() || outcome.replies().isEmpty()
                || state.step() != Step.MENU || state.handoff() != HandoffState.BOT || state.draft() != null
                || state.language() == null) {
            return false;
        }
        var last = outcome.replies().get(outcome.replies().size() - 1);
        return last.options().equals(menus.mainOptions(state.language()))
                && last.text().endsWith(catalog.ui(state.language(), "menu.title"));
    }

    /** The question in place of the main menu; what was said before the menu is kept. */
    private Outcome ask(Outcome outcome, BarrierTopic topic, Instant now) {
        var state = outcome.state();
        var language = state.language();
        var replies = new ArrayList<>(outcome.replies().subList(0, outcome.replies().size() - 1));
        var menuText = outcome.replies().get(outcome.replies().size() - 1).text();
        var before = menuText.substring(0, menuText.length() - catalog.ui(language, "menu.title").length()).strip();
        if (!before.isEmpty()) {
            replies.add(Reply.text(before));
        }
        List<String> keys = topic.barriers().stream().map(b -> PREFIX + topic.id() + ":" + b.type()).toList();
        var asking = state.remembering(state.barriers().asking(topic, now)).offering(keys, 0);
        replies.add(new Reply(catalog.ui(language, topic.questionKey()),
                keys.stream().map(key -> menus.option(key, language)).toList()));
        return new Outcome(asking, replies, outcome.handoff(), false);
    }

    private Outcome take(ConversationState state, String key) {
        var barrier = barrier(key).orElseThrow();
        answered = barrier;
        var language = state.languageOrSource();
        var done = state.remembering(state.barriers().answered(state.lastActivity()));
        return turns.mainMenu(done, catalog.ui(language, barrier.skipped() ? "barrier.declined" : "barrier.thanks"));
    }

    private static boolean asking(ConversationState state) {
        return state.step() == Step.CHOICES && !state.choices().isEmpty()
                && state.choices().stream().allMatch(key -> key.startsWith(PREFIX));
    }
}
