package org.passerelle.connectors.twilio;

import java.net.URI;
import org.passerelle.connectors.support.PublicUrlSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Twilio settings ({@code passerelle.twilio.*}). The connector is active only when both the
 * account SID and the auth token are set; then a sender ({@code from}) or a messaging service
 * SID is required too, the service winning when both are set. The URL that Twilio signs comes
 * from {@link PublicUrlSettings}.
 *
 * @param accountSid          the account ({@code AC…}) that sends and receives
 * @param authToken           signs the webhooks and authenticates the REST calls; never printed
 * @param from                the sending number in E.164 ({@code +33…}); WhatsApp sends from
 *                            {@code whatsapp:} plus this number unless it already has the prefix
 * @param messagingServiceSid a messaging service ({@code MG…}) to send from instead
 * @param apiUrl              base of the REST API; tests point it at a stand-in
 */
@ConfigurationProperties("passerelle.twilio")
public record TwilioSettings(
        String accountSid,
        String authToken,
        String from,
        String messagingServiceSid,
        @DefaultValue("https://api.twilio.com") URI apiUrl) {

    public TwilioSettings {
        if (apiUrl == null) {
            apiUrl = URI.create("https://api.twilio.com");
        }
    }

    /** Whether the account SID and the auth token are both set. */
    public boolean enabled() {
        return hasText(accountSid) && hasText(authToken);
    }

    /**
     * Checks what an active connector needs.
     *
     * @throws IllegalStateException naming the missing property
     */
    public void requireComplete() {
        if (!enabled()) {
            throw new IllegalStateException("passerelle.twilio.account-sid and passerelle.twilio.auth-token are required");
        }
        if (!hasText(from) && !hasText(messagingServiceSid)) {
            throw new IllegalStateException(
                    "passerelle.twilio.from or passerelle.twilio.messaging-service-sid is required to send");
        }
        var scheme = apiUrl.getScheme();
        if (apiUrl.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
            throw new IllegalStateException("passerelle.twilio.api-url must be an http(s) URL");
        }
    }

    /** Whether replies leave through the messaging service rather than one number. */
    boolean usesMessagingService() {
        return hasText(messagingServiceSid);
    }

    static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    /** Never prints the auth token nor the sending number. */
    @Override
    public String toString() {
        return "TwilioSettings[accountSid=" + accountSid + ", authToken=" + (hasText(authToken) ? "***" : "unset")
                + ", from=" + (hasText(from) ? "set" : "unset") + ", messagingServiceSid=" + messagingServiceSid
                + ", apiUrl=" + apiUrl + "]";
    }
}
