package org.passerelle.connectors.twilio;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.InboundMessage;
import org.passerelle.core.channel.MessageIntake;
import org.passerelle.core.channel.OutageNotice;
import org.passerelle.core.conversation.TooManyMessagesException;
import org.passerelle.core.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's webhooks: incoming SMS and WhatsApp messages, and delivery statuses. Both are signed;
 * a missing or wrong signature gets 403 and a missing field 400, with a reason, and neither
 * reaches the engine. A message is answered with empty TwiML as soon as the intake took it: the
 * replies leave later through the REST API. When the store is down and the message was kept in
 * the journal, the TwiML carries the outage notice alone (the bot's replies follow once the store
 * is back); when it could not be kept either, the answer is 503, so that Twilio may deliver the
 * message again.
 */
@RestController
@Conditional(TwilioEnabled.class)
@RequestMapping("/connectors/twilio")
class TwilioWebhookController {

    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private static final Logger log = LoggerFactory.getLogger(TwilioWebhookController.class);
    private static final String WHATSAPP = "whatsapp:";

    private final MessageIntake intake;
    private final OutageNotice notice;
    private final SignedWebhooks webhooks;
    private final DeliveryStatuses statuses;
    private final Clock clock;

    TwilioWebhookController(MessageIntake intake, OutageNotice notice, SignedWebhooks webhooks,
            DeliveryStatuses statuses, Clock clock) {
        this.intake = intake;
        this.notice = notice;
        this.webhooks = webhooks;
        this.statuses = statuses;
        this.clock = clock;
    }

    @PostMapping(path = "/messages", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> message(HttpServletRequest request) {
        var form = webhooks.verifiedForm(request);
        var from = required(form, "From");
        var sid = required(form, "MessageSid");
        var body = required(form, "Body");
        var channel = from.startsWith(WHATSAPP) ? Channel.WHATSAPP : Channel.SMS;
        if (body.isEmpty() && !"0".equals(form.getOrDefault("NumMedia", "0"))) {
            log.debug("twilio {} message {} carries media only", channel.id(), sid);
        }
        var message = new InboundMessage(channel, from, body, "tw:" + sid, clock.instant());
        try {
            var taken = intake.receive(message);
            log.debug("twilio {} message {}: {}", channel.id(), sid, taken);
            if (taken == MessageIntake.Intake.JOURNALED) {
                return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(twiml(notice.text(body, null)));
            }
        } catch (TooManyMessagesException e) {
            log.info("twilio {} message {} dropped: too many messages from one sender", channel.id(), sid);
        } catch (StoreUnavailableException e) {
            log.warn("twilio {} message {} not taken: store unavailable", channel.id(), sid);
            throw new WebhookRejectedException(HttpStatus.SERVICE_UNAVAILABLE, "store unavailable, deliver again later");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
    }

    @PostMapping(path = "/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> status(HttpServletRequest request) {
        var form = webhooks.verifiedForm(request);
        statuses.record(required(form, "MessageSid"), required(form, "MessageStatus"), form.get("ErrorCode"));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(WebhookRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(WebhookRejectedException e) {
        return problem(e);
    }

    /** The answer to a refused webhook, with its status and reason; a refusal of the caller's is logged. */
    static ResponseEntity<ProblemDetail> problem(WebhookRejectedException e) {
        if (e.status().is4xxClientError()) {
            log.info("twilio webhook refused: {}", e.getMessage());
        }
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(e.status(), e.getMessage()));
    }

    /** TwiML that answers with one message, its text escaped for XML. */
    static String twiml(String text) {
        var escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>" + escaped + "</Message></Response>";
    }

    static String required(Map<String, String> form, String field) {
        var value = form.get(field);
        if (value == null) {
            throw new WebhookRejectedException(HttpStatus.BAD_REQUEST, "missing field " + field);
        }
        return value;
    }
}
