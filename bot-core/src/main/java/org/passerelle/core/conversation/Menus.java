package org.passerelle.core.conversation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.content.TopicKind;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.Option;
import org.passerelle.core.channel.Reply;

/**
 * The options of each step, all labels from the content in her language. Option keys are
 * stable words that work from any step, so that an old button still does what it says; the
 * keys of the booking steps are labelled the same wherever they are offered again (after a
 * photo, say).
 */
final class Menus {

    static final String MENU = "menu";
    static final String TOPICS = "topics";
    static final String BOOK = "book";
    static final String HUMAN = "human";
    static final String EMERGENCY = "emergency";
    static final String LANGUAGES = "lang";
    static final String LANGUAGE_PREFIX = "lang:";
    static final String TOPIC_PREFIX = "topic:";
    static final String ERASE_YES = "erase:yes";
    static final String ERASE_NO = "erase:no";
    static final String KEEP_LANGUAGE = "lang:keep";

    static final String BOOK_TOPIC = "book_appointment";
    static final String EMERGENCY_TOPIC = "emergency";

    private final ContentCatalog catalog;
    private final BookingLabels booking;

    Menus(ContentCatalog catalog) {
        this.catalog = catalog;
        this.booking = new BookingLabels(catalog);
    }

    List<Option> options(ConversationState state) {
        var language = state.languageOrSource();
        return switch (state.step()) {
            case LANGUAGE -> languageOptions();
            case MENU -> mainOptions(language);
            case TOPICS -> topicOptions(language);
            case TOPIC -> nextOptions(state.topicId(), language);
            case ERASE -> eraseOptions(language);
            case NICKNAME -> nicknameOptions(state);
            case CHOICES -> state.choices().stream().map(key -> option(key, language, state.channel())).toList();
        };
    }

    /** The option for a key, labelled in her language (a language offer in its own language). */
    Option option(String key, Language language) {
        return option(key, language, Channel.WEBCHAT);
    }

    /** The option for a key, labelled in her language for the channel she writes on. */
    Option option(String key, Language language, Channel channel) {
        if (BookingKeys.isKey(key)) {
            return new Option(key, booking.label(key, language, channel == Channel.SMS));
        }
        var barrier = BarrierTurns.barrier(key);
        if (barrier.isPresent()) {
            return new Option(key, catalog.ui(language, barrier.get().labelKey()));
        }
        return switch (key) {
            case MENU -> new Option(MENU, catalog.ui(language, "action.menu"));
            case TOPICS -> new Option(TOPICS, catalog.ui(language, "menu.topics"));
            case BOOK -> new Option(BOOK, catalog.ui(language, "action.book_appointment"));
            case HUMAN -> new Option(HUMAN, catalog.ui(language, "action.talk_to_human"));
            case EMERGENCY -> new Option(EMERGENCY, catalog.ui(language, "action.emergency"));
            case LANGUAGES -> new Option(LANGUAGES, catalog.ui(language, "action.change_language"));
            case KEEP_LANGUAGE -> new Option(KEEP_LANGUAGE, catalog.ui(language, "action.language_keep"));
            default -> key.startsWith(LANGUAGE_PREFIX)
                    ? new Option(key, Language.fromCode(key.substring(LANGUAGE_PREFIX.length()))
                            .map(offered -> catalog.ui(offered, "action.language_yes")).orElse(key))
                    : new Option(key, catalog.topic(key.substring(TOPIC_PREFIX.length()))
                            .map(t -> t.inOrSource(language).title()).orElse(key));
        };
    }

    /** Asks with these options, which become the choices her next message picks from. */
    Outcome ask(ConversationState state, String text, List<String> keys) {
        var language = state.languageOrSource();
        return Outcome.answer(state.offering(keys, 0),
                new Reply(text, keys.stream().map(key -> option(key, language, state.channel())).toList()));
    }

    /** The key that stands for a topic or action id of the content. */
    static String keyOf(String topicOrAction) {
        return switch (topicOrAction) {
            case "menu" -> MENU;
            case "talk_to_human" -> HUMAN;
            case "book_appointment" -> BOOK;
            case "change_language" -> LANGUAGES;
            default -> TOPIC_PREFIX + topicOrAction;
        };
    }

    List<Option> languageOptions() {
        return catalog.languages().stream()
                .map(l -> new Option(LANGUAGE_PREFIX + l.code(), l.nativeName()))
                .toList();
    }

    /** One line per language, each in its own language, for a person whose language is unknown. */
    String languagePrompt() {
        var lines = new LinkedHashSet<String>();
        for (var language : catalog.languages()) {
            lines.add(catalog.ui(language, "language.prompt"));
        }
        return String.join("\n", lines);
    }

    List<Option> mainOptions(Language language) {
        return List.of(
                new Option(TOPICS, catalog.ui(language, "menu.topics")),
                new Option(BOOK, catalog.ui(language, "action.book_appointment")),
                new Option(HUMAN, catalog.ui(language, "action.talk_to_human")),
                new Option(EMERGENCY, catalog.ui(language, "action.emergency")),
                new Option(LANGUAGES, catalog.ui(language, "action.change_language")));
    }

    /** At the nickname question: skip it, or the main menu. */
    List<Option> nicknameOptions(ConversationState state) {
        var language = state.languageOrSource();
        var keys = state.draft() == null ? List.of(MENU) : List.of(BookingKeys.NONAME + state.draft().slotId(), MENU);
        return keys.stream().map(key -> option(key, language, state.channel())).toList();
    }

    List<Option> eraseOptions(Language language) {
        return List.of(
                new Option(ERASE_YES, catalog.ui(language, "action.erase_yes")),
                new Option(ERASE_NO, catalog.ui(language, "action.erase_no")));
    }

    List<Option> topicOptions(Language language) {
        return catalog.topics(TopicKind.INFORMATION).stream()
                .map(t -> new Option(TOPIC_PREFIX + t.id(), t.inOrSource(language).title()))
                .toList();
    }

    List<Option> nextOptions(String topicId, Language language) {
        var next = catalog.topic(topicId).map(t -> t.next()).orElse(List.of(MENU));
        var options = new ArrayList<Option>(next.size());
        next.forEach(id -> options.add(option(keyOf(id), language)));
        return options;
    }
}
