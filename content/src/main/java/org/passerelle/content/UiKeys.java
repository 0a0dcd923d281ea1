package org.passerelle.content;

import java.util.List;

/**
 * The keys of the UI strings ({@code content/ui/<code>.yaml}) that the conversation and the
 * channels use. The source language must hold all of them; the loader refuses content where
 * one is missing.
 */
public final class UiKeys {

    /** The language's own name, in the language menu. */
    public static final String LANGUAGE_NAME = "language.name";
    /** One line asking to choose a language, written in that language. */
    public static final String LANGUAGE_PROMPT = "language.prompt";
    /** Said after a language change, in the new language. */
    public static final String LANGUAGE_CHANGED = "language.changed";
    /** Who Passerelle is, in one or two sentences. */
    public static final String WELCOME = "welcome";
    /** Free, confidential, no name needed, how to erase. */
    public static final String CONFIDENTIALITY = "confidentiality";
    /** The emergency numbers in one line. */
    public static final String EMERGENCY_SHORT = "emergency.short";
    /** The main menu question. */
    public static final String MENU_TITLE = "menu.title";
    /** The main menu entry that leads to the information topics. */
    public static final String MENU_TOPICS = "menu.topics";
    /** How to come back to the main menu. */
    public static final String MENU_HINT = "menu.hint";
    /** The question above the list of topics. */
    public static final String TOPICS_TITLE = "topics.title";
    /** Button label: book a free appointment. */
    public static final String ACTION_BOOK_APPOINTMENT = "action.book_appointment";
    /** Button label: talk to a mediator. */
    public static final String ACTION_TALK_TO_HUMAN = "action.talk_to_human";
    /** Button label: emergency information. */
    public static final String ACTION_EMERGENCY = "action.emergency";
    /** Button label: change language. */
    public static final String ACTION_CHANGE_LANGUAGE = "action.change_language";
    /** Button label: main menu. */
    public static final String ACTION_MENU = "action.menu";
    /** Button label: the list of topics. */
    public static final String ACTION_TOPICS = "action.topics";
    /** The message was not understood. */
    public static final String UNKNOWN = "unknown";
    /** A mediator has been told and will answer. */
    public static final String HANDOFF_REQUESTED = "handoff.requested";
    /** The person is already waiting for a mediator. */
    public static final String HANDOFF_WAITING = "handoff.waiting";
    /** Said when a mediator takes the conversation: a person is with her now. */
    public static final String HANDOFF_CLAIMED = "handoff.claimed";
    /** Said when the mediator gives the conversation back to the assistant. */
    public static final String HANDOFF_RELEASED = "handoff.released";
    /** Said when the mediator ends the conversation; gives the emergency numbers. */
    public static final String HANDOFF_CLOSED = "handoff.closed";
    /** Said when she asks for a mediator while the team is away; {when} is the next opening. */
    public static final String HANDOFF_AFTER_HOURS = "handoff.after_hours";
    /** Inbox: canned reply 1, a greeting; mediators send these in the person's language. */
    public static final String INBOX_CANNED_1 = "inbox.canned.1";
    /** Inbox: canned reply 2. */
    public static final String INBOX_CANNED_2 = "inbox.canned.2";
    /** Inbox: canned reply 3. */
    public static final String INBOX_CANNED_3 = "inbox.canned.3";
    /** Inbox: canned reply 4. */
    public static final String INBOX_CANNED_4 = "inbox.canned.4";
    /** The canned replies, in the order the inbox offers them. */
    public static final List<String> INBOX_CANNED = List.of(INBOX_CANNED_1, INBOX_CANNED_2, INBOX_CANNED_3,
            INBOX_CANNED_4);
    /** The service is briefly down; makes sense on its own and gives the emergency numbers. */
    public static final String ERROR_UNAVAILABLE = "error.unavailable";
    /** Shown in place of a directory value that the association has not confirmed. */
    public static final String DIRECTORY_UNCONFIRMED = ContentCatalog.UNCONFIRMED_KEY;
    /** Asks her to confirm that everything she left should be erased. */
    public static final String ERASE_CONFIRM = "erase.confirm";
    /** Said once everything is erased. */
    public static final String ERASE_DONE = "erase.done";
    /** Said when she does not confirm the erasing. */
    public static final String ERASE_CANCELLED = "erase.cancelled";
    /** Button label: yes, erase everything. */
    public static final String ACTION_ERASE_YES = "action.erase_yes";
    /** Button label: no, keep the conversation. */
    public static final String ACTION_ERASE_NO = "action.erase_no";
    /** The word before the sources under a topic's full text. */
    public static final String TOPIC_SOURCES = "topic.sources";
    /** Said with an urgent handoff (danger, minor): a mediator is alerted first. */
    public static final String HANDOFF_URGENT = "handoff.urgent";
    /**
     * Said in place of {@link #HANDOFF_URGENT} while the team is away: her message is read first
     * when it comes back ({when}), and who answers day and night until then.
     */
    public static final String HANDOFF_URGENT_AFTER_HOURS = "handoff.urgent_after_hours";
    /** Asked, in the language she seems to write in, whether to switch to it. */
    public static final String LANGUAGE_SWITCH = "language.switch";
    /** Button label, in the offered language: yes, write in this language. */
    public static final String ACTION_LANGUAGE_YES = "action.language_yes";
    /** Button label: no, keep the language of the conversation. */
    public static final String ACTION_LANGUAGE_KEEP = "action.language_keep";
    /** Said above the closest topics when a message was not understood. */
    public static final String UNKNOWN_CLOSEST = "unknown.closest";
    /** Said after two messages in a row were not understood: a mediator is offered. */
    public static final String UNKNOWN_MEDIATOR = "unknown.mediator";
    /** Said when she comes back after a long silence. */
    public static final String WELCOME_BACK = "welcome.back";
    /** Said when she asks us to stop writing to her. */
    public static final String STOP_DONE = "stop.done";
    /** Said when a message carries no text (a photo, a voice note): she is asked to write. */
    public static final String MEDIA_UNSUPPORTED = "media.unsupported";
    /**
     * Booking in the chat: the questions, service names, steps (service, day, time, nickname,
     * interpreter) and buttons; {nickname} and {language} in what a booking says of her.
     */
    public static final List<String> BOOKING = List.of("booking.service", "service.lawyer", "service.pad",
            "service.group", "booking.slot", "action.more", "booking.confirm", "action.confirm", "action.back",
            "booking.done", "booking.full", "booking.no_slot", "booking.too_many", "booking.mine",
            "booking.mine_none", "action.cancel_booking", "booking.cancelled", "reminder.tomorrow", "reminder.today",
            "action.keep", "reminder.kept", "action.move", "booking.moved", "booking.day", "action.more_days",
            "booking.day_full", "booking.nickname", "action.skip_nickname", "booking.nickname_invalid",
            "booking.interpreter", "action.no_interpreter", "booking.nickname_is", "booking.interpreter_is",
            "booking.no_interpreter");
    /**
     * Barriers to rights, asked later and once after the complaint, residence permit or lawyer
     * topic: the question per topic, the answers' labels (shared between topics where the answer
     * is the same), the thanks after an answer and the reply when she prefers not to say.
     */
    public static final List<String> BARRIERS = List.of("barrier.complaint.question",
            "barrier.residence_permit.question", "barrier.lawyer.question", "barrier.refused",
            "barrier.no_interpreter", "barrier.no_receipt", "barrier.come_back_later", "barrier.online_precomplaint",
            "barrier.treated_as_offender", "barrier.went_fine", "barrier.skipped", "barrier.file_refused",
            "barrier.passport_required", "barrier.no_appointment", "barrier.fees_asked", "barrier.no_free_lawyer",
            "barrier.legal_aid_refused", "barrier.thanks", "barrier.declined");
    /** Web chat: placeholder of the message box. */
    public static final String CHAT_PLACEHOLDER = "chat.placeholder";
    /** Web chat: the send button. */
    public static final String CHAT_SEND = "chat.send";
    /** Web chat: the quick-exit button. */
    public static final String CHAT_EXIT = "chat.exit";

    /** Every key above, in the order of the UI files. */
    public static final List<String> ALL = java.util.stream.Stream.concat(java.util.stream.Stream.of(
            LANGUAGE_NAME, LANGUAGE_PROMPT, WELCOME, CONFIDENTIALITY, EMERGENCY_SHORT,
            LANGUAGE_CHANGED, MENU_TITLE, MENU_TOPICS, TOPICS_TITLE,
            ACTION_BOOK_APPOINTMENT, ACTION_TALK_TO_HUMAN, ACTION_EMERGENCY,
            ACTION_CHANGE_LANGUAGE, ACTION_MENU, ACTION_TOPICS,
            UNKNOWN, MENU_HINT, HANDOFF_REQUESTED, HANDOFF_WAITING, ERROR_UNAVAILABLE,
            HANDOFF_CLAIMED, HANDOFF_RELEASED, HANDOFF_CLOSED, HANDOFF_AFTER_HOURS,
            INBOX_CANNED_1, INBOX_CANNED_2, INBOX_CANNED_3, INBOX_CANNED_4,
            DIRECTORY_UNCONFIRMED, ERASE_CONFIRM, ERASE_DONE, ERASE_CANCELLED, ACTION_ERASE_YES,
            ACTION_ERASE_NO, TOPIC_SOURCES, HANDOFF_URGENT, HANDOFF_URGENT_AFTER_HOURS, LANGUAGE_SWITCH,
            ACTION_LANGUAGE_YES, ACTION_LANGUAGE_KEEP, UNKNOWN_CLOSEST, UNKNOWN_MEDIATOR, WELCOME_BACK, STOP_DONE, MEDIA_UNSUPPORTED,
            CHAT_PLACEHOLDER, CHAT_SEND, CHAT_EXIT), java.util.stream.Stream.concat(BOOKING.stream(),
            BARRIERS.stream())).toList();

    private UiKeys() {
    }
}
