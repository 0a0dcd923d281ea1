package org.passerelle.connectors.telegram;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.InboundMessage;
import org.passerelle.core.channel.MessageIntake;
import org.passerelle.core.channel.OutageNotice;
import org.passerelle.core.conversation.TooManyMessagesException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Turns Telegram updates into messages for the engine's intake, the same way for the webhook
 * and for long polling. Only private chats are handled: a group would show her conversation to
 * others. When the store is down and the intake kept the message in its journal, the outcome
 * carries the outage notice to send at once. Throws
 * {@link org.passerelle.core.store.StoreUnavailableException} from the intake when the message
 * could not be kept either, so that the caller lets Telegram deliver the update again.
 */
@Component
@Conditional(TelegramConfigured.class)
class TelegramUpdates {

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdates.class);

    // Telegram adds fields to its objects over time; an unknown one must not refuse an update.
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final MessageIntake intake;
    private final OutageNotice notice;
    private final TelegramClient client;
    private final Clock clock;

    TelegramUpdates(MessageIntake intake, OutageNotice notice, TelegramClient client, Clock clock) {
        this.intake = intake;
        this.notice = notice;
        this.client = client;
        this.clock = clock;
    }

    /** What became of one update. */
    enum Outcome {
        /** Handed to the intake and taken. */
        ACCEPTED,
        /** Handed to the intake, which had already taken it. */
        DUPLICATE,
        /** Not something the bot answers (edited message, channel post, group…). */
        IGNORED,
        /** Dropped because this person sent too many messages. */
        DROPPED,
        /** The store is down: kept in the journal, answered once it is back. */
        JOURNALED
    }

    /**
     * What became of one update, and for a journaled one the outage notice to send her now.
     *
     * @param outcome what became of it
     * @param notice  the notice for her chat, only when {@link Outcome#JOURNALED}
     */
    record Handled(Outcome outcome, SendMessage notice) {

        static Handled of(Outcome outcome) {
            return new Handled(outcome, null);
        }
    }

    /**
     * Reads a webhook body as an update.
     *
     * @throws MalformedUpdateException when it is not JSON or has no update id
     */
    Update parse(byte[] body) {
        Update update;
        try {
            update = json.readValue(body, Update.class);
        } catch (JacksonException e) {
            throw new MalformedUpdateException("the body is not a Telegram update in JSON");
        } catch (java.io.IOException e) {
            throw new MalformedUpdateException("the body could not be read");
        }
        if (update == null || update.getUpdateId() == null) {
            throw new MalformedUpdateException("update_id is missing");
        }
        return update;
    }

    /** Hands one update to the intake if it is a message or a button press from a private chat. */
    Outcome handle(Update update) {
        return take(update).outcome();
    }

    /** As {@link #handle}, with the outage notice to send when the message was journaled. */
    Handled take(Update update) {
        if (update.hasMessage()) {
            return handleMessage(update.getUpdateId(), update.getMessage());
        }
        if (update.hasCallbackQuery()) {
            return handleCallback(update.getUpdateId(), update.getCallbackQuery());
        }
        return Handled.of(ignored(update.getUpdateId(), kindOf(update)));
    }

    /** Sends an outage notice now; a failure only leaves her without it (her message is kept). */
    void tell(SendMessage outageNotice) {
        try {
            client.execute(outageNotice);
        } catch (TelegramApiException | RuntimeException e) {
            log.warn("Could not send the outage notice: {}", e.getClass().getSimpleName());
        }
    }

    private Handled handleMessage(int updateId, Message message) {
        if (message.getChat() == null || !Boolean.TRUE.equals(message.getChat().isUserChat())) {
            return Handled.of(ignored(updateId, "message outside a private chat"));
        }
        if (message.getFrom() != null && Boolean.TRUE.equals(message.getFrom().getIsBot())) {
            return Handled.of(ignored(updateId, "message from a bot"));
        }
        // Photos, voice notes, stickers and files carry no text: an empty one makes the engine ask back.
        var text = message.hasText() ? startAsWord(message.getText()) : "";
        var language = message.getFrom() == null ? null : message.getFrom().getLanguageCode();
        return hand(updateId, String.valueOf(message.getChatId()), text, language);
    }

    private Handled handleCallback(int updateId, CallbackQuery query) {
        var origin = query.getMessage();
        if (query.getData() == null || origin == null || !origin.isUserMessage()) {
            return Handled.of(ignored(updateId, "button press without data or outside a private chat"));
        }
        var language = query.getFrom() == null ? null : query.getFrom().getLanguageCode();
        var handled = hand(updateId, String.valueOf(origin.getChatId()), query.getData(), language);
        answer(updateId, query.getId());
        return handled;
    }

    private Handled hand(int updateId, String chatId, String text, String language) {
        var message = new InboundMessage(Channel.TELEGRAM, chatId, text, "tg:" + updateId, clock.instant());
        try {
            return switch (intake.receive(message)) {
                case ACCEPTED -> Handled.of(Outcome.ACCEPTED);
                case DUPLICATE -> {
                    log.info("Telegram update {} was already taken", updateId);
                    yield Handled.of(Outcome.DUPLICATE);
                }
                case JOURNALED -> {
                    log.info("Telegram update {} kept in the journal: the store is unavailable", updateId);
                    yield new Handled(Outcome.JOURNALED, SendMessage.builder().chatId(chatId)
                            .text(notice.text(text, language)).build());
                }
            };
        } catch (TooManyMessagesException e) {
            log.info("Telegram update {} dropped: too many messages from one sender", updateId);
            return Handled.of(Outcome.DROPPED);
        }
    }

    /** Stops the button's spinner; a failure only leaves it spinning a little longer. */
    private void answer(int updateId, String callbackQueryId) {
        try {
            client.execute(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build());
        } catch (TelegramApiException | RuntimeException e) {
            log.warn("Could not answer the button press of Telegram update {}: {}", updateId,
                    e.getClass().getSimpleName());
        }
    }

    private static String startAsWord(String text) {
        var command = text.strip().split("\\s+", 2)[0];
        return command.equals("/start") || command.startsWith("/start@") ? "start" : text;
    }

    private static Outcome ignored(Integer updateId, String reason) {
        log.info("Telegram update {} ignored: {}", updateId, reason);
        return Outcome.IGNORED;
    }

    private static String kindOf(Update update) {
        if (update.hasEditedMessage()) {
            return "edited message";
        }
        if (update.hasChannelPost() || update.hasEditedChannelPost()) {
            return "channel post";
        }
        return "not a message";
    }

    /** The webhook body is not a Telegram update. */
    static final class MalformedUpdateException extends RuntimeException {

        MalformedUpdateException(String reason) {
            super(reason);
        }
    }
}
