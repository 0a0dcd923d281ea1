package org.passerelle.connectors.telegram;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.ChannelSender;
import org.passerelle.core.channel.Option;
import org.passerelle.core.channel.OutboundMessage;
import org.passerelle.core.channel.SendFailure;
import org.passerelle.core.channel.SendResult;
import org.passerelle.core.channel.Withdrawal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessages;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends replies on Telegram: the text as HTML-escaped {@code sendMessage} calls of at most
 * 4096 characters (split at paragraphs), the options as one inline button per row on the last
 * part. Never throws: Bot API errors come back as a {@link SendResult} (429 throttled with its
 * {@code retry_after}, 403 contact stopped, 400 rejected, I/O and 5xx connection failed).
 * When a long reply fails after its first parts left, the result says how many did, and a retry
 * starts after them. Each result carries the ids Telegram gave the messages, so that they can be
 * deleted with {@code deleteMessages} when she erases her conversation.
 */
@Component
@Conditional(TelegramConfigured.class)
public class TelegramSender implements ChannelSender {

    /** Longest {@code callback_data} the Bot API accepts, in UTF-8 bytes. */
    static final int MAX_CALLBACK_BYTES = 64;
    /** Most message ids one {@code deleteMessages} call takes. */
    static final int MAX_DELETE = 100;

    private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);

    private final TelegramClient client;

    TelegramSender(TelegramClient client) {
        this.client = client;
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        if (message.channel() != Channel.TELEGRAM) {
            return SendResult.failed(SendFailure.REJECTED, "not a Telegram message");
        }
        var parts = TelegramText.split(message.reply().text(), TelegramText.MAX_LENGTH);
        if (parts.get(0).isBlank()) {
            return SendResult.failed(SendFailure.REJECTED, "empty text");
        }
        var keyboard = keyboard(message.messageId(), message.reply().options());
        var receipts = new ArrayList<String>();
        for (int i = Math.min(message.firstPart(), parts.size() - 1); i < parts.size(); i++) {
            var request = SendMessage.builder()
                    .chatId(message.address())
                    .text(TelegramText.escapeHtml(parts.get(i)))
                    .parseMode("HTML")
                    .replyMarkup(i == parts.size() - 1 ? keyboard : null)
                    .build();
            var result = execute(request, receipts);
            if (!result.ok()) {
                log.warn("Telegram message {} part {} of {} not sent: {}", message.messageId(), i + 1,
                        parts.size(), result.reason());
                return result.afterParts(i).withReceipts(receipts);
            }
        }
        log.debug("Telegram message {} sent in {} part(s)", message.messageId(), parts.size());
        return SendResult.sent().withReceipts(receipts);
    }

    /**
     * Deletes the bot's messages in her chat with {@code deleteMessages}, at most 100 ids a call;
     * Telegram skips those it no longer lets a bot delete (older than 48 hours, or gone).
     */
    @Override
    public SendResult withdraw(Withdrawal withdrawal) {
        var ids = withdrawal.receipts().stream().filter(TelegramSender::isMessageId).map(Integer::valueOf).toList();
        for (int from = 0; from < ids.size(); from += MAX_DELETE) {
            var request = DeleteMessages.builder().chatId(withdrawal.address())
                    .messageIds(ids.subList(from, Math.min(ids.size(), from + MAX_DELETE))).build();
            var result = call(request);
            if (!result.ok()) {
                log.warn("Telegram withdrawal {} not done: {}", withdrawal.messageId(), result.reason());
                return result;
            }
        }
        log.debug("Telegram withdrawal {}: {} message(s) deleted", withdrawal.messageId(), ids.size());
        return SendResult.sent();
    }

    private SendResult execute(SendMessage request, List<String> receipts) {
        try {
            var sent = client.execute(request);
            if (sent != null && sent.getMessageId() != null) {
                receipts.add(sent.getMessageId().toString());
            }
            return SendResult.sent();
        } catch (TelegramApiRequestException e) {
            return classify(e);
        } catch (TelegramApiException e) {
            return SendResult.failed(SendFailure.CONNECTION_FAILED, "Bot API unreachable: " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            return SendResult.failed(SendFailure.CONNECTION_FAILED, "Bot API call failed: " + e.getClass().getSimpleName());
        }
    }

    private SendResult call(DeleteMessages request) {
        try {
            client.execute(request);
            return SendResult.sent();
        } catch (TelegramApiRequestException e) {
            return classify(e);
        } catch (TelegramApiException | RuntimeException e) {
            return SendResult.failed(SendFailure.CONNECTION_FAILED, "Bot API unreachable: " + e.getClass().getSimpleName());
        }
    }

    private static boolean isMessageId(String receipt) {
        try {
            return Integer.parseInt(receipt) > 0;
        } catch (NumberFormatException notAnId) {
            return false;
        }
    }

    private static SendResult classify(TelegramApiRequestException e) {
        Integer code = e.getErrorCode();
        var description = e.getApiResponse() == null ? "no description" : e.getApiResponse();
        if (code == null || code <= 0) {
            return SendResult.failed(SendFailure.CONNECTION_FAILED, "unreadable Bot API answer");
        }
        if (code == 429) {
            var retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
            return SendResult.throttled("429 too many requests" + (retryAfter == null ? "" : ", retry_after=" + retryAfter),
                    retryAfter == null ? java.time.Duration.ZERO : java.time.Duration.ofSeconds(retryAfter));
        }
        if (code == 403) {
            return SendResult.failed(SendFailure.CONTACT_STOPPED, "403 " + description);
        }
        if (code == 401 || code == 404 || code >= 500) {
            // 401/404 mean our token is refused: a configuration fault, worth retrying once fixed.
            return SendResult.failed(SendFailure.CONNECTION_FAILED, code + " " + description);
        }
        return SendResult.failed(SendFailure.REJECTED, code + " " + description);
    }

    private static InlineKeyboardMarkup keyboard(String messageId, List<Option> options) {
        var rows = new ArrayList<InlineKeyboardRow>();
        for (var option : options) {
            int bytes = option.key().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_CALLBACK_BYTES) {
                log.warn("Telegram message {}: option key of {} bytes is over the {}-byte limit, button left out",
                        messageId, bytes, MAX_CALLBACK_BYTES);
                continue;
            }
            rows.add(new InlineKeyboardRow(InlineKeyboardButton.builder()
                    .text(option.label())
                    .callbackData(option.key())
                    .build()));
        }
        return rows.isEmpty() ? null : InlineKeyboardMarkup.builder().keyboard(rows).build();
    }
}
