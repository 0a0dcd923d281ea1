package org.passerelle.core.conversation;

import java.util.ArrayList;
import java.util.List;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.core.booking.Appointments;
import org.passerelle.core.booking.Nicknames;
import org.passerelle.core.booking.Service;
import org.passerelle.core.booking.Slot;
import org.passerelle.core.channel.Reply;

/**
 * The questions between the chosen time and the booking: a nickname (optional, skipped with
 * one tap or "1"), the interpreter's language (hers first, then the others the slot's schedule
 * offers, then "no interpreter needed" when French is offered; not asked when there is only one),
 * then the confirmation with what she told. What she told waits in her conversation state as a
 * {@link BookingDraft}.
 */
final class BookingQuestions {

    private final ContentCatalog catalog;
    private final Appointments appointments;
    private final Menus menus;
    private final BookingLabels labels;

    BookingQuestions(ContentCatalog catalog, Appointments appointments, Menus menus) {
        this.catalog = catalog;
        this.appointments = appointments;
        this.menus = menus;
        this.labels = new BookingLabels(catalog);
    }

    /** A time was chosen: what should we call her? {@code before} opens the question, if set. */
    Outcome askNickname(ConversationState state, Slot slot, String before) {
        var question = catalog.ui(state.languageOrSource(), "booking.nickname");
        var asking = state.at(Step.NICKNAME, null).drafting(BookingDraft.of(slot.id()));
        return Outcome.answer(asking, new Reply(before == null ? question : before + "\n" + question,
                menus.nicknameOptions(asking)));
    }

    /** What she wrote at the nickname question: kept when acceptable, else explained and asked again. */
    Outcome nickname(ConversationState state, Slot slot, String written) {
        var nickname = Nicknames.clean(written);
        if (nickname.isEmpty()) {
            return askNickname(state, slot, catalog.ui(state.languageOrSource(), "booking.nickname_invalid"));
        }
        return askInterpreter(state, slot, BookingDraft.of(slot.id()).named(nickname.get()));
    }

    /** Which language for the appointment; straight to the confirmation when there is one choice. */
    Outcome askInterpreter(ConversationState state, Slot slot, BookingDraft draft) {
        var choices = interpreterChoices(slot, state.languageOrSource());
        if (choices.size() == 1) {
            return confirm(state, slot, draft.interpreted(choices.get(0)));
        }
        var keys = new ArrayList<String>(choices.size() + 1);
        choices.forEach(language -> keys.add(BookingKeys.INTERPRETER + slot.id() + ":" + language.code()));
        keys.add(Menus.MENU);
        var asked = menus.ask(state, catalog.ui(state.languageOrSource(), "booking.interpreter"), keys);
        return new Outcome(asked.state().drafting(draft), asked.replies(), asked.handoff(), asked.erase());
    }

    /** The booking as it will be made, with her nickname and the interpreter's language. */
    Outcome confirm(ConversationState state, Slot slot, BookingDraft draft) {
        var language = state.languageOrSource();
        var interpreter = draft.interpreter() != null ? draft.interpreter() : defaultInterpreter(slot, language);
        var text = withDetails(fill(catalog.ui(language, "booking.confirm"), slot, language, null),
                labels.details(draft.nickname(), interpreter, language));
        var asked = menus.ask(state, text, List.of(BookingKeys.CONFIRM + slot.id(), BookingKeys.BACK + slot.id()));
        return new Outcome(asked.state().drafting(draft.interpreted(interpreter)), asked.replies(), asked.handoff(),
                asked.erase());
    }

    /** Her language when the slot offers it, else the first the slot offers (French last). */
    Language defaultInterpreter(Slot slot, Language language) {
        return interpreterChoices(slot, language).get(0);
    }

    /** Hers first, then the others the slot offers, then French (no interpreter needed). */
    static List<Language> interpreterChoices(Slot slot, Language language) {
        var choices = new ArrayList<Language>(slot.languages().size());
        if (slot.languages().contains(language)) {
            choices.add(language);
        }
        for (var offered : slot.languages()) {
            if (offered != language && offered != Language.SOURCE) {
                choices.add(offered);
            }
        }
        if (slot.languages().contains(Language.SOURCE) && language != Language.SOURCE) {
            choices.add(Language.SOURCE);
        }
        return choices;
    }

    /** A text followed, on its own line, by what the booking says of her, if anything. */
    static String withDetails(String text, String details) {
        return details.isEmpty() ? text : text + "\n" + details;
    }

    /** A booking text with the service, the time, the place and the code (when given). */
    String fill(String template, Slot slot, Language language, String code) {
        var place = appointments.service(slot.serviceId()).map(Service::placeKey)
                .map(key -> catalog.resolve("{service:" + key + "}", language))
                .orElse(catalog.ui(language, "directory.unconfirmed"));
        var text = template.replace("{what}", labels.serviceName(slot.serviceId(), language))
                .replace("{when}", BookingLabels.when(slot.start(), language))
                .replace("{where}", place);
        return code == null ? text : text.replace("{code}", code);
    }
}
