package org.passerelle.connectors.telegram;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.passerelle.connectors.support.ChannelProof;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/** A call to the Telegram webhook is Telegram's own when it carries the configured secret. */
@Component
@Conditional(TelegramConfigured.class)
@ConditionalOnProperty(prefix = "passerelle.telegram", name = "mode", havingValue = "webhook")
class TelegramWebhookProof implements ChannelProof {

    private final byte[] secret;

    TelegramWebhookProof(TelegramSettings settings) {
        this.secret = settings.hasWebhookSecret() ? settings.webhookSecret().getBytes(StandardCharsets.UTF_8) : null;
    }

    @Override
    public boolean proves(HttpServletRequest request) {
        var given = request.getHeader(TelegramWebhookController.SECRET_HEADER);
        return secret != null && given != null
                && request.getRequestURI().endsWith(TelegramWebhookRegistration.PATH)
                && MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8));
    }
}
