package org.passerelle.core.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.content.TopicKind;
import org.passerelle.core.channel.Reply;
import org.passerelle.core.handoff.HandoffState;
import org.passerelle.core.handoff.Priority;
import org.passerelle.core.nlu.IntentPrediction;
import org.passerelle.core.nlu.ScoredIntent;
import org.passerelle.core.stats.Metric;
import org.passerelle.core.stats.Tally;

/**
 * What each choice does: show a topic, the menus, hand her to a mediator (urgently when she is
 * in danger or a minor), erase, stop, and ask back with the closest topics. Every word comes from
 * the content, in her language.
 */
final class Turns {

    private static final int SUGGESTIONS = 3;
    private static final String MINORS_TOPIC = "minors";

    private final ContentCatalog catalog;
    private final Menus menus;
    private final Tally tally;

    /** @param tally where the topics shown and the messages not understood are counted */
    Turns(ContentCatalog catalog, Menus menus, Tally tally) {
        this.catalog = catalog;
        this.menus = menus;
        this.tally = tally;
    }

    /** Carries out the option with this key (a known key, checked by the caller). */
    Outcome act(ConversationState state, String key) {
        var language = state.languageOrSource();
        return switch (key) {
            case Menus.MENU -> state.language() == null ? languageMenu(state) : mainMenu(state, null);
            case Menus.LANGUAGES -> languageMenu(state);
            case Menus.KEEP_LANGUAGE -> mainMenu(state, null);
            case Menus.TOPICS -> Outcome.answer(state.at(Step.TOPICS, null),
                    new Reply(catalog.ui(language, "topics.title"), menus.topicOptions(language)));
            case Menus.BOOK -> showTopic(state, Menus.BOOK_TOPIC);
            case Menus.EMERGENCY -> showTopic(state, Menus.EMERGENCY_TOPIC);
            case Menus.HUMAN -> handOff(state, Priority.NORMAL);
            case "erase" -> Outcome.answer(state.at(Step.ERASE, null),
                    new Reply(catalog.ui(language, "erase.confirm"), menus.eraseOptions(language)));
            case Menus.ERASE_YES -> new Outcome(state, List.of(Reply.text(catalog.ui(language, "erase.done"))),
                    Optional.empty(), true);
            case Menus.ERASE_NO -> mainMenu(state, catalog.ui(language, "erase.cancelled"));
            case "stop" -> Outcome.answer(state.stopping().at(Step.MENU, null),
                    Reply.text(catalog.ui(language, "stop.done")));
            default -> key.startsWith(Menus.LANGUAGE_PREFIX)
                    ? chooseLanguage(state, Language.fromCode(key.substring(Menus.LANGUAGE_PREFIX.length())).orElseThrow())
                    : showTopic(state, key.substring(Menus.TOPIC_PREFIX.length()));
        };
    }

    /** Carries out an intent the classifier recognised. */
    Outcome actIntent(ConversationState state, String intent) {
        return switch (intent) {
            case "menu" -> mainMenu(state, null);
            case "greeting" -> mainMenu(state, topicText(state, "greeting"));
            case "talk_to_human" -> handOff(state, Priority.NORMAL);
            case "change_language" -> languageMenu(state);
            case "erase" -> act(state, "erase");
            default -> showTopic(state, intent);
        };
    }

    Outcome chooseLanguage(ConversationState state, Language chosen) {
        var speaking = state.speaking(chosen);
        return mainMenu(speaking, catalog.ui(chosen, "language.changed"));
    }

    Outcome languageMenu(ConversationState state) {
        return Outcome.answer(state.at(Step.LANGUAGE, null),
                new Reply(menus.languagePrompt(), menus.languageOptions()));
    }

    Outcome mainMenu(ConversationState state, String before) {
        var language = state.languageOrSource();
        var title = catalog.ui(language, "menu.title");
        return Outcome.answer(state.at(Step.MENU, null),
                new Reply(before == null ? title : before + "\n\n" + title, menus.mainOptions(language)));
    }

    Outcome showTopic(ConversationState state, String topicId) {
        var topic = catalog.topic(topicId);
        if (topic.isEmpty()) {
            return notUnderstood(state, IntentPrediction.none());
        }
        tally.add(Metric.TOPICS, topicId);
        var language = state.languageOrSource();
        var body = topicText(state, topicId);
        if (!state.channel().shortText() && !topic.get().sources().isEmpty()) {
            body += "\n\n" + catalog.ui(language, "topic.sources") + " " + String.join("; ", topic.get().sources());
        }
        return Outcome.answer(state.at(Step.TOPIC, topicId), new Reply(body, menus.nextOptions(topicId, language)));
    }

    /**
     * Danger or a minor: the emergency (or child-protection) answer at once, then word that a
     * mediator is alerted first; she goes to the head of the queue even if already waiting.
     */
    Outcome urgent(ConversationState state, Priority priority) {
        var topicId = priority == Priority.DANGER ? Menus.EMERGENCY_TOPIC : MINORS_TOPIC;
        var language = state.languageOrSource();
        var held = state.handoff() == HandoffState.WITH_MEDIATOR ? state : state.handedOff(HandoffState.WAITING);
        var next = held.at(Step.TOPIC, topicId);
        return new Outcome(next, List.of(Reply.text(topicText(state, topicId)),
                new Reply(catalog.ui(language, "handoff.urgent"), menus.nextOptions(topicId, language))),
                Optional.of(priority), false);
    }

    Outcome handOff(ConversationState state, Priority priority) {
        var language = state.languageOrSource();
        boolean already = state.handoff() == HandoffState.WAITING || state.handoff() == HandoffState.WITH_MEDIATOR;
        var said = catalog.ui(language, already ? "handoff.waiting" : "handoff.requested");
        var menu = mainMenu(already ? state : state.handedOff(HandoffState.WAITING), said);
        return already ? menu : new Outcome(menu.state(), menu.replies(), Optional.of(priority), false);
    }

    /**
     * Asks back with the closest topics; after two misses in a row, offers a mediator first.
     * Never guesses.
     */
    Outcome notUnderstood(ConversationState state, IntentPrediction prediction) {
        tally.add(Metric.UNKNOWN, state.language() == null ? "none" : state.language().code());
        var language = state.languageOrSource();
        if (state.step() == Step.LANGUAGE) {
            return Outcome.answer(state.missed(), new Reply(menus.languagePrompt(), menus.languageOptions()));
        }
        int misses = state.misses() + 1;
        var keys = new ArrayList<String>();
        if (misses >= 2) {
            keys.add(Menus.HUMAN);
        }
        for (var scored : closest(prediction)) {
            var key = Menus.keyOf(scored.intent());
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        keys.add(Menus.MENU);
        var text = misses >= 2 ? catalog.ui(language, "unknown.mediator")
                : keys.size() > 1 ? catalog.ui(language, "unknown.closest")
                : catalog.ui(language, "unknown") + "\n" + catalog.ui(language, "menu.hint");
        var asking = state.offering(keys, misses);
        return Outcome.answer(asking, new Reply(text, asking.choices().stream()
                .map(key -> menus.option(key, language)).toList()));
    }

    /** Welcome, confidentiality and the emergency numbers, in one message. */
    Reply welcome(Language language) {
        return Reply.text(String.join("\n\n", catalog.ui(language, "welcome"), catalog.ui(language, "confidentiality"),
                catalog.ui(language, "emergency.short")));
    }

    private List<ScoredIntent> closest(IntentPrediction prediction) {
        return prediction.ranked().stream()
                .filter(s -> catalog.topic(s.intent())
                        .map(t -> t.kind() == TopicKind.INFORMATION || s.intent().equals("book_appointment")
                                || s.intent().equals("talk_to_human"))
                        .orElse(false))
                .limit(SUGGESTIONS)
                .toList();
    }

    private String topicText(ConversationState state, String topicId) {
        var language = state.languageOrSource();
        return catalog.topic(topicId).map(topic -> {
            var text = topic.inOrSource(language);
            return catalog.resolve(state.channel().shortText() ? text.sms() : text.text(), language).strip();
        }).orElse("");
    }
}
