package org.passerelle.core.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.Option;
import org.passerelle.core.channel.Reply;
import org.passerelle.core.handoff.HandoffState;
import org.passerelle.core.nlu.TextNormalizer;

/**
 * One turn of the conversation as a pure function: the content, the state and what she wrote
 * give the new state and the replies. Options are recognised by key, by number and by label.
 */
final class Dialogue {

    // Words that bring the main menu back from anywhere, whatever the language.
    private static final Set<String> MENU_WORDS = Set.of("0", "menu", "start", "restart", "home");
    // Words that ask to erase everything, in each language; one of them in a short message is enough.
    // Folded like her message, so that "изтрий" and "șterge" match what she types.
    private static final Set<String> ERASE_WORDS = Stream.of("erase", "delete", "effacer", "efface", "supprimer",
            "borrar", "apagar", "șterge", "изтрий", "изтрийте", "احذف", "حذف", "删除")
            .map(TextNormalizer::normalize).collect(Collectors.toUnmodifiableSet());

    private final ContentCatalog catalog;
    private final Menus menus;

    Dialogue(ContentCatalog catalog) {
        this.catalog = catalog;
        this.menus = new Menus(catalog);
    }

    /**
     * @param previous the state before this turn, null on first contact
     * @param text     what she wrote
     * @param channel  where she wrote from
     * @param now      the time of the turn
     */
    Outcome respond(ConversationState previous, String text, Channel channel, Instant now) {
        var input = TextNormalizer.normalize(text);
        if (previous == null) {
            return firstContact(ConversationState.first(channel, now), input);
        }
        var state = previous.touched(channel, now);
        return choose(state, input)
                .map(key -> act(state, key))
                .orElseGet(() -> notUnderstood(state));
    }

    private Outcome firstContact(ConversationState state, String input) {
        var languages = catalog.languages();
        var chosen = languageIn(input).or(() -> languages.size() == 1
                ? Optional.of(languages.get(0)) : Optional.empty());
        var language = chosen.orElse(Language.SOURCE);
        var welcome = Reply.text(String.join("\n\n",
                catalog.ui(language, "welcome"),
                catalog.ui(language, "confidentiality"),
                catalog.ui(language, "emergency.short")));
        if (chosen.isPresent()) {
            var next = state.speaking(language).at(Step.MENU, null);
            return new Outcome(next, List.of(welcome, mainMenu(language, null)), false);
        }
        var prompt = new Reply(menus.languagePrompt(), menus.languageOptions());
        return new Outcome(state, List.of(welcome, prompt), false);
    }

    private Optional<String> choose(ConversationState state, String input) {
        if (input.isEmpty()) {
            return Optional.empty();
        }
        if (MENU_WORDS.contains(input)) {
            return Optional.of(Menus.MENU);
        }
        if (asksToErase(input)) {
            return Optional.of(Menus.ERASE_YES.equals(input) && state.step() == Step.ERASE ? input : "erase");
        }
        if (isKey(input)) {
            return Optional.of(input);
        }
        var options = menus.options(state);
        return byNumber(options, input)
                .or(() -> byLabel(options, input))
                .or(() -> languageIn(input).map(l -> Menus.LANGUAGE_PREFIX + l.code()));
    }

    private static boolean asksToErase(String input) {
        var words = input.split(" ");
        if (words.length > 4) {
            return false;
        }
        for (var word : words) {
            if (ERASE_WORDS.contains(word)) {
                return true;
            }
        }
        return input.startsWith("erase:yes");
    }

    private boolean isKey(String input) {
        return switch (input) {
            case Menus.MENU, Menus.TOPICS, Menus.BOOK, Menus.HUMAN, Menus.EMERGENCY, Menus.LANGUAGES,
                    Menus.ERASE_NO -> true;
            default -> input.startsWith(Menus.LANGUAGE_PREFIX)
                    ? languageIn(input.substring(Menus.LANGUAGE_PREFIX.length())).isPresent()
                    : input.startsWith(Menus.TOPIC_PREFIX)
                            && catalog.topic(input.substring(Menus.TOPIC_PREFIX.length())).isPresent();
        };
    }

    private static Optional<String> byNumber(List<Option> options, String input) {
        if (!input.chars().allMatch(c -> c >= '0' && c <= '9') || input.length() > 3) {
            return Optional.empty();
        }
        int number = Integer.parseInt(input);
        return number >= 1 && number <= options.size()
                ? Optional.of(options.get(number - 1).key())
                : Optional.empty();
    }

    private static Optional<String> byLabel(List<Option> options, String input) {
        var partial = new ArrayList<Option>();
        for (var option : options) {
            var label = TextNormalizer.normalize(option.label());
            if (label.equals(input)) {
                return Optional.of(option.key());
            }
            // A word or two of a label is enough when it points to one option only.
            if (input.length() >= 3 && (label.contains(input) || input.contains(label))) {
                partial.add(option);
            }
        }
        return partial.size() == 1 ? Optional.of(partial.get(0).key()) : Optional.empty();
    }

    private Optional<Language> languageIn(String input) {
        for (var language : catalog.languages()) {
            if (input.equals(language.code()) || input.equals(TextNormalizer.normalize(language.nativeName()))) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    private Outcome act(ConversationState state, String key) {
        var language = state.languageOrSource();
        switch (key) {
            case Menus.MENU:
                return state.language() == null
                        ? languageMenu(state)
                        : new Outcome(state.at(Step.MENU, null), List.of(mainMenu(language, null)), false);
            case Menus.LANGUAGES:
                return languageMenu(state);
            case Menus.TOPICS:
                return new Outcome(state.at(Step.TOPICS, null),
                        List.of(new Reply(catalog.ui(language, "topics.title"), menus.topicOptions(language))),
                        false);
            case Menus.BOOK:
                return showTopic(state, Menus.BOOK_TOPIC);
            case Menus.EMERGENCY:
                return showTopic(state, Menus.EMERGENCY_TOPIC);
            case Menus.HUMAN:
                return handOff(state);
            case "erase":
                return new Outcome(state.at(Step.ERASE, null), List.of(new Reply(catalog.ui(language, "erase.confirm"),
                        menus.eraseOptions(language))), false);
            case Menus.ERASE_YES:
                return new Outcome(state, List.of(Reply.text(catalog.ui(language, "erase.done"))), false, true);
            case Menus.ERASE_NO:
                return new Outcome(state.at(Step.MENU, null),
                        List.of(mainMenu(language, catalog.ui(language, "erase.cancelled"))), false);
            default:
                if (key.startsWith(Menus.LANGUAGE_PREFIX)) {
                    var chosen = Language.fromCode(key.substring(Menus.LANGUAGE_PREFIX.length())).orElseThrow();
                    return new Outcome(state.speaking(chosen).at(Step.MENU, null),
                            List.of(mainMenu(chosen, catalog.ui(chosen, "language.changed"))), false);
                }
                return showTopic(state, key.substring(Menus.TOPIC_PREFIX.length()));
        }
    }

    private Outcome languageMenu(ConversationState state) {
        return new Outcome(state.at(Step.LANGUAGE, null),
                List.of(new Reply(menus.languagePrompt(), menus.languageOptions())), false);
    }

    private Outcome showTopic(ConversationState state, String topicId) {
        var topic = catalog.topic(topicId);
        if (topic.isEmpty()) {
            return notUnderstood(state);
        }
        var language = state.languageOrSource();
        var text = topic.get().inOrSource(language);
        var body = catalog.resolve(state.channel().shortText() ? text.sms() : text.text(), language).strip();
        if (!state.channel().shortText() && !topic.get().sources().isEmpty()) {
            body += "\n\n" + catalog.ui(language, "topic.sources") + " " + String.join("; ", topic.get().sources());
        }
        return new Outcome(state.at(Step.TOPIC, topicId),
                List.of(new Reply(body, menus.nextOptions(topicId, language))), false);
    }

    private Outcome handOff(ConversationState state) {
        var language = state.languageOrSource();
        boolean already = state.handoff() == HandoffState.WAITING || state.handoff() == HandoffState.WITH_MEDIATOR;
        var said = catalog.ui(language, already ? "handoff.waiting" : "handoff.requested");
        var next = (already ? state : state.handedOff(HandoffState.WAITING)).at(Step.MENU, null);
        return new Outcome(next, List.of(mainMenu(language, said)), !already);
    }

    private Outcome notUnderstood(ConversationState state) {
        var missed = state.missed();
        if (state.step() == Step.LANGUAGE) {
            return new Outcome(missed, List.of(new Reply(menus.languagePrompt(), menus.languageOptions())), false);
        }
        var language = state.languageOrSource();
        var text = catalog.ui(language, "unknown") + "\n" + catalog.ui(language, "menu.hint");
        return new Outcome(missed, List.of(new Reply(text, menus.options(state))), false);
    }

    private Reply mainMenu(Language language, String before) {
        var title = catalog.ui(language, "menu.title");
        return new Reply(before == null ? title : before + "\n\n" + title, menus.mainOptions(language));
    }
}
