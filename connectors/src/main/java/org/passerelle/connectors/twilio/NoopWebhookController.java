package org.passerelle.connectors.twilio;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A webhook that does everything the message webhook does before the engine and nothing after:
 * it reads the same signed form, checks the signature with the same code and asks for the same
 * fields, then answers empty TwiML without touching Redis. It is the ceiling a real turn cannot
 * beat on the same server, for benchmarks; it exists only when
 * {@code passerelle.bench.noop-webhook} is {@code true} (off by default, so a deployment answers
 * 404 there).
 */
@RestController
@Conditional(TwilioEnabled.class)
@ConditionalOnBooleanProperty("passerelle.bench.noop-webhook")
@RequestMapping("/connectors/twilio")
class NoopWebhookController {

    private final SignedWebhooks webhooks;

    NoopWebhookController(SignedWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping(path = "/noop", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> message(HttpServletRequest request) {
        var form = webhooks.verifiedForm(request);
        TwilioWebhookController.required(form, "From");
        TwilioWebhookController.required(form, "MessageSid");
        TwilioWebhookController.required(form, "Body");
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(TwilioWebhookController.EMPTY_TWIML);
    }

    @ExceptionHandler(WebhookRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(WebhookRejectedException e) {
        return TwilioWebhookController.problem(e);
    }
}
