package org.passerelle.connectors.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.passerelle.core.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * Telegram's webhook: checks the secret header before anything else, reads the update and
 * hands it over. A forged call gets 403, a body that is no update 400, anything that is not a
 * message 200 (Telegram would otherwise send it again). While the store is down a message kept
 * in the journal gets 200 with a {@code sendMessage} method in the body, which Telegram runs: the
 * outage notice reaches her at once. A store failure that could not be journaled gets 503 so
 * that Telegram delivers the update again later.
 */
@RestController
@Conditional(TelegramConfigured.class)
@ConditionalOnProperty(prefix = "passerelle.telegram", name = "mode", havingValue = "webhook")
class TelegramWebhookController {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookController.class);

    private final TelegramUpdates updates;
    private final byte[] secret;
    private final AtomicBoolean warnedNoSecret = new AtomicBoolean();

    TelegramWebhookController(TelegramUpdates updates, TelegramSettings settings) {
        this.updates = updates;
        this.secret = settings.hasWebhookSecret() ? settings.webhookSecret().getBytes(StandardCharsets.UTF_8) : null;
    }

    @PostMapping("/connectors/telegram/webhook")
    ResponseEntity<Object> receive(@RequestHeader(name = SECRET_HEADER, required = false) String given,
            @RequestBody(required = false) byte[] body) {
        if (secret == null) {
            if (warnedNoSecret.compareAndSet(false, true)) {
                log.warn("Telegram webhook mode without passerelle.telegram.webhook-secret: every update is refused");
            }
            return problem(HttpStatus.FORBIDDEN, "the webhook secret is not configured");
        }
        if (given == null) {
            return problem(HttpStatus.FORBIDDEN, "the secret token header is missing");
        }
        if (!MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            return problem(HttpStatus.FORBIDDEN, "the secret token is wrong");
        }
        if (body == null || body.length == 0) {
            return problem(HttpStatus.BAD_REQUEST, "the body is empty");
        }
        try {
            var handled = updates.take(updates.parse(body));
            if (handled.notice() != null) {
                return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(method(handled.notice()));
            }
            return ResponseEntity.ok().build();
        } catch (TelegramUpdates.MalformedUpdateException e) {
            return problem(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (StoreUnavailableException e) {
            log.warn("Telegram update not taken, the store is unavailable; Telegram will retry");
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "the store is unavailable, try again later");
        }
    }

    /** A Bot API method as Telegram accepts it in the answer to a webhook call. */
    static Map<String, Object> method(SendMessage message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("method", "sendMessage");
        body.put("chat_id", message.getChatId());
        body.put("text", message.getText());
        return body;
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
