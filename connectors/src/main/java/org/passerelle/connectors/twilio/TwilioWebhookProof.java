package org.passerelle.connectors.twilio;

import jakarta.servlet.http.HttpServletRequest;
import java.io.UncheckedIOException;
import org.passerelle.connectors.support.ChannelProof;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/** A call to a Twilio webhook is Twilio's own when its {@code X-Twilio-Signature} holds. */
@Component
@Conditional(TwilioEnabled.class)
class TwilioWebhookProof implements ChannelProof {

    private final SignedWebhooks webhooks;

    TwilioWebhookProof(SignedWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public boolean proves(HttpServletRequest request) {
        if (!request.getRequestURI().contains("/connectors/twilio/")
                || request.getHeader(SignedWebhooks.SIGNATURE_HEADER) == null) {
            return false;
        }
        try {
            webhooks.verifiedForm(request);
            return true;
        } catch (WebhookRejectedException | UncheckedIOException e) {
            return false;
        }
    }
}
