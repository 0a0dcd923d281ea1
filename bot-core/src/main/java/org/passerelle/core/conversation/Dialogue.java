package org.passerelle.core.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.core.barriers.Barrier;
import org.passerelle.core.barriers.Barriers;
import org.passerelle.core.booking.Appointments;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.Option;
import org.passerelle.core.channel.Reply;
import org.passerelle.core.handoff.HandoffState;
import org.passerelle.core.handoff.Priority;
import org.passerelle.core.nlu.DetectedLanguage;
import org.passerelle.core.nlu.SafetySignal;
import org.passerelle.core.nlu.TextNormalizer;
import org.passerelle.core.nlu.Understanding;
import org.passerelle.core.nlu.Understood;
import org.passerelle.core.stats.Tally;

/**
 * One turn of the conversation: the content, the state and what she wrote give the new state
 * and the replies. Danger and minors are answered before anything else, even while a mediator
 * holds the conversation; then options by key, number or label; then erase and stop; then what
 * the classifier understood, in her language; and when nothing is understood, the closest topics.
 * At the nickname question of a booking, what is no option, menu word or call for help is the
 * nickname, never given to the classifier. A barrier question may follow a turn that ends on the
 * main menu, and her answer to it is taken before anything but the safety rules.
 */
final class Dialogue {

    // Words that bring the main menu back from anywhere, whatever the language.
    private static final Set<String> MENU_WORDS = Stream.of("0", "menu", "start", "restart", "home", "aide", "help",
            "ayuda", "ajuda", "ajutor", "помощ", "مساعدة", "帮助")
            .map(TextNormalizer::normalize).collect(Collectors.toUnmodifiableSet());
    // The word "language" in each language, which the content tells her to write for the list.
    // Each language's own name, folded as she may type it: compared at nearly every turn.
    private static final Map<Language, String> NATIVE_NAMES = foldedNativeNames();
    private static final Set<String> LANGUAGE_WORDS = Stream.of("langue", "language", "idioma", "lingua", "limba",
            "език", "اللغة", "لغة", "语言").map(TextNormalizer::normalize).collect(Collectors.toUnmodifiableSet());

    private final ContentCatalog catalog;
    private final Understanding understanding;
    private final Duration idleRestart;
    private final Menus menus;
    private final Turns turns;
    private final BookingTurns booking;
    private final BarrierTurns barriers;

    /**
     * @param appointments   the appointments, or null where booking in the chat is not offered
     * @param conversationId the pseudonym of the conversation, for her bookings
     * @param address        her channel address, for the reminders of her bookings (null for none)
     * @param tally          where this turn counts the topics shown, the messages not understood and
     *                       the bookings made and cancelled
     * @param barriers       whether and when she is asked about the barriers she met
     */
    Dialogue(ContentCatalog catalog, Understanding understanding, Duration idleRestart, Appointments appointments,
            String conversationId, String address, Tally tally, Barriers barriers) {
        this.catalog = catalog;
        this.understanding = understanding;
        this.idleRestart = idleRestart;
        this.menus = new Menus(catalog);
        this.turns = new Turns(catalog, menus, tally);
        this.booking = appointments == null ? null
                : new BookingTurns(catalog, appointments, conversationId, address, turns, menus, tally);
        this.barriers = new BarrierTurns(catalog, menus, turns, barriers);
    }

    /** The answer she gave to a barrier question in this turn, for the engine to count. */
    Optional<Barrier> barrierAnswer() {
        return barriers.answered();
    }

    /**
     * @param previous the state before this turn, null on first contact
     * @param text     what she wrote
     * @param channel  where she wrote from
     * @param now      the time of the turn
     */
    Outcome respond(ConversationState previous, String text, Channel channel, Instant now) {
        return barriers.follow(turn(previous, text, channel, now), now);
    }

    private Outcome turn(ConversationState previous, String text, Channel channel, Instant now) {
        var input = TextNormalizer.normalize(text);
        var understood = understanding.understand(text, previous == null ? null : previous.language(), catalog);
        var state = previous == null ? ConversationState.first(channel, now) : previous.touched(channel, now);
        if (state.language() == null && !MENU_WORDS.contains(input)) {
            state = explicitLanguage(input).or(() -> detected(understood)).map(state::speaking).orElse(state);
        }
        if (understood.danger()) {
            return turns.urgent(state, Priority.DANGER);
        }
        if (understood.minor()) {
            return turns.urgent(state, Priority.MINOR);
        }
        if (state.handoff() == HandoffState.WITH_MEDIATOR && !erasingOrStopping(state, input, understood)) {
            // The mediator answers; the bot says nothing but the safety replies above, erase and stop.
            return new Outcome(state, List.of(), Optional.empty(), false);
        }
        if (previous == null) {
            return firstContact(state, input, understood);
        }
        if (text.isBlank()) {
            // A photo, a voice note, a sticker: nothing to read, so she is asked to write.
            return Outcome.answer(state, new Reply(catalog.ui(state.languageOrSource(), "media.unsupported"),
                    menus.options(state)));
        }
        if (Duration.between(previous.lastActivity(), now).compareTo(idleRestart) > 0) {
            var fresh = state.at(Step.MENU, null);
            var outcome = isNumber(input) ? turns.mainMenu(fresh, null) : answer(fresh, input, understood, text);
            return outcome.openedBy(catalog.ui(fresh.languageOrSource(), "welcome.back"));
        }
        return answer(state, input, understood, text);
    }

    private Outcome firstContact(ConversationState state, String input, Understood understood) {
        if (state.language() == null) {
            return turns.languageMenu(state).openedBy(welcome(Language.SOURCE));
        }
        var intent = understood.intent().best().map(s -> s.intent()).orElse("greeting");
        boolean justHello = MENU_WORDS.contains(input) || explicitLanguage(input).isPresent()
                || Set.of("greeting", "menu", "change_language").contains(intent);
        var outcome = justHello
                ? turns.mainMenu(state.at(Step.MENU, null), null)
                : actIntent(state.at(Step.MENU, null), intent);
        return outcome.openedBy(welcome(state.language()));
    }

    private Outcome answer(ConversationState asked, String input, Understood understood, String text) {
        var answered = barriers.answer(asked, input);
        if (answered.isPresent()) {
            return answered.get();
        }
        var state = barriers.lapsed(asked);
        if (booking != null && state.step() == Step.NICKNAME) {
            return chooseAtNickname(state, input, text, understood).map(key -> act(state, key))
                    .orElseGet(() -> booking.nickname(state, text));
        }
        var key = choose(state, input, understood);
        if (key.isPresent()) {
            return act(state, key.get());
        }
        var offer = switchOffer(state, understood);
        var best = understood.intent().best();
        if (best.isPresent()) {
            var outcome = actIntent(state, best.get().intent());
            return offer.map(question -> outcome.thenAsking(
                    outcome.state().offering(question.options().stream().map(Option::key).toList(), 0)
                            .switchAsked(), question)).orElse(outcome);
        }
        if (offer.isPresent()) {
            var question = offer.get();
            return Outcome.answer(state.offering(question.options().stream().map(Option::key).toList(), 0)
                    .switchAsked(), question);
        }
        return turns.notUnderstood(state, understood.intent());
    }

    private Outcome act(ConversationState state, String key) {
        if (booking != null && key.equals(Menus.BOOK)) {
            return booking.start(state);
        }
        return booking != null && BookingTurns.isKey(key) ? booking.act(state, key) : turns.act(state, key);
    }

    private Outcome actIntent(ConversationState state, String intent) {
        if (booking != null && intent.equals(Menus.BOOK_TOPIC)) {
            return booking.start(state);
        }
        if (booking != null && intent.equals("my_appointments")) {
            return booking.act(state, BookingTurns.MINE);
        }
        return turns.actIntent(state, intent);
    }

    private Optional<String> choose(ConversationState state, String input, Understood understood) {
        if (input.isEmpty()) {
            return Optional.empty();
        }
        if (MENU_WORDS.contains(input)) {
            return Optional.of(Menus.MENU);
        }
        if (LANGUAGE_WORDS.contains(input)) {
            return Optional.of(Menus.LANGUAGES);
        }
        if (Menus.ERASE_YES.equals(input)) {
            return Optional.of(state.step() == Step.ERASE ? input : "erase");
        }
        if (isKey(input)) {
            return Optional.of(input);
        }
        var chosen = byKey(menus.options(state), input);
        if (chosen.isPresent()) {
            return chosen;
        }
        if (booking != null && BookingTurns.isKey(input)) {
            return Optional.of(input);
        }
        if (understood.safety().contains(SafetySignal.ERASE)) {
            return Optional.of("erase");
        }
        if (understood.safety().contains(SafetySignal.STOP)) {
            return Optional.of("stop");
        }
        var options = menus.options(state);
        return byNumber(options, input)
                .or(() -> byLabel(options, input))
                .or(() -> explicitLanguage(input).map(l -> Menus.LANGUAGE_PREFIX + l.code()));
    }

    /**
     * At the nickname question, what still counts as a choice: a menu word, the step's options
     * by key, number or whole label, a button of an earlier message (sent back exactly), erase and
     * stop. No part of a label, language name or topic wording: those could be her nickname.
     */
    private Optional<String> chooseAtNickname(ConversationState state, String input, String text,
            Understood understood) {
        if (MENU_WORDS.contains(input)) {
            return Optional.of(Menus.MENU);
        }
        var options = menus.options(state);
        var chosen = byKey(options, input).or(() -> byNumber(options, input))
                .or(() -> options.stream().filter(o -> TextNormalizer.normalize(o.label()).equals(input))
                        .map(Option::key).findFirst());
        if (chosen.isPresent()) {
            return chosen;
        }
        var sent = text.strip();
        if (isKey(sent) || BookingTurns.isKey(sent) || Menus.ERASE_YES.equals(sent)) {
            return Optional.of(Menus.ERASE_YES.equals(sent) ? "erase" : sent);
        }
        if (understood.safety().contains(SafetySignal.ERASE)) {
            return Optional.of("erase");
        }
        return understood.safety().contains(SafetySignal.STOP) ? Optional.of("stop") : Optional.empty();
    }

    /** She asks to erase or to stop, or answers the question whether to erase. */
    private static boolean erasingOrStopping(ConversationState state, String input, Understood understood) {
        return state.step() == Step.ERASE || Menus.ERASE_YES.equals(input)
                || understood.safety().contains(SafetySignal.ERASE) || understood.safety().contains(SafetySignal.STOP);
    }

    /** Asks once whether to write in the language she clearly writes in, when it is not hers. */
    private Optional<Reply> switchOffer(ConversationState state, Understood understood) {
        if (state.language() == null || state.switchOffered()) {
            return Optional.empty();
        }
        return understood.detected()
                .filter(DetectedLanguage::strong)
                .map(DetectedLanguage::language)
                .filter(l -> l != state.language() && catalog.languages().contains(l))
                .map(offered -> new Reply(catalog.ui(offered, "language.switch"), List.of(
                        menus.option(Menus.LANGUAGE_PREFIX + offered.code(), state.language()),
                        menus.option(Menus.KEEP_LANGUAGE, state.language()))));
    }

    private boolean isKey(String input) {
        return switch (input) {
            case Menus.MENU, Menus.TOPICS, Menus.BOOK, Menus.HUMAN, Menus.EMERGENCY, Menus.LANGUAGES,
                    Menus.ERASE_NO, Menus.KEEP_LANGUAGE -> true;
            default -> input.startsWith(Menus.LANGUAGE_PREFIX)
                    ? explicitLanguage(input.substring(Menus.LANGUAGE_PREFIX.length())).isPresent()
                    : input.startsWith(Menus.TOPIC_PREFIX)
                            && catalog.topic(input.substring(Menus.TOPIC_PREFIX.length())).isPresent();
        };
    }

    /** An option whose key she sent back (a button), whatever case it came back in. */
    private static Optional<String> byKey(List<Option> options, String input) {
        return options.stream().map(Option::key).filter(key -> TextNormalizer.normalize(key).equals(input)).findFirst();
    }

    private static boolean isNumber(String input) {
        return !input.isEmpty() && input.length() <= 3 && input.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static Optional<String> byNumber(List<Option> options, String input) {
        if (!isNumber(input)) {
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

    /** A language named by its code or its own name ("en", "English", "中文"). */
    private Optional<Language> explicitLanguage(String input) {
        for (var language : catalog.languages()) {
            if (input.equals(language.code()) || input.equals(NATIVE_NAMES.get(language))) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    private static Map<Language, String> foldedNativeNames() {
        var names = new EnumMap<Language, String>(Language.class);
        for (var language : Language.values()) {
            names.put(language, TextNormalizer.normalize(language.nativeName()));
        }
        return names;
    }

    private Optional<Language> detected(Understood understood) {
        return understood.detected().map(DetectedLanguage::language).filter(catalog.languages()::contains);
    }

    private String welcome(Language language) {
        return turns.welcome(language).text();
    }
}
