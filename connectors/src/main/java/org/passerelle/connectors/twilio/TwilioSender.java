package org.passerelle.connectors.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import java.util.Objects;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.ChannelSender;
import org.passerelle.core.channel.OutboundMessage;
import org.passerelle.core.channel.SendFailure;
import org.passerelle.core.channel.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends replies by SMS or by WhatsApp through Twilio's REST API; one instance per channel.
 * A reply is rendered with its options as a numbered menu and split into as many Twilio
 * messages as its length needs (see {@code TwilioText}); the parts leave in order and the first
 * refusal stops the rest. WhatsApp addresses keep or get their {@code whatsapp:} prefix.
 * Never throws: Twilio's refusals come back as {@link SendFailure}s (21610 → contact stopped,
 * 21211/21614 → rejected, 20429 or HTTP 429 → throttled, 5xx or no answer → connection failed,
 * other 4xx → rejected). Logs carry the outbox message id and Twilio's error code, never the
 * number, the text or the token.
 */
public final class TwilioSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(TwilioSender.class);
    private static final String WHATSAPP = "whatsapp:";

    private final Channel channel;
    private final TwilioRestClient client;
    private final TwilioSettings settings;
    private final String statusCallback;

    /**
     * @param channel        {@link Channel#SMS} or {@link Channel#WHATSAPP}
     * @param client         the REST client, built for the configured account and API base
     * @param settings       the sender number or messaging service
     * @param statusCallback where Twilio reports delivery statuses, or null for none
     * @throws IllegalArgumentException for another channel
     */
    public TwilioSender(Channel channel, TwilioRestClient client, TwilioSettings settings, String statusCallback) {
        if (channel != Channel.SMS && channel != Channel.WHATSAPP) {
            throw new IllegalArgumentException("Twilio sends SMS and WhatsApp only, not " + channel);
        }
        this.channel = channel;
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.statusCallback = statusCallback;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        if (message.channel() != channel) {
            return SendResult.failed(SendFailure.REJECTED, "not a " + channel.id() + " message");
        }
        var bodies = TwilioText.bodies(message.reply(), channel);
        if (bodies.isEmpty()) {
            return SendResult.failed(SendFailure.REJECTED, "empty reply");
        }
        var to = new PhoneNumber(address(message.address()));
        for (int part = Math.min(message.firstPart(), bodies.size() - 1); part < bodies.size(); part++) {
            var result = sendOne(to, bodies.get(part));
            if (!result.ok()) {
                var reason = part == 0 ? result.reason()
                        : result.reason() + " after " + part + " of " + bodies.size() + " parts";
                log.info("twilio {} send failed: message={} reason={}", channel.id(), message.messageId(), reason);
                return new SendResult(result.failure(), reason, part, result.retryAfter());
            }
        }
        log.debug("twilio {} sent: message={} parts={}", channel.id(), message.messageId(), bodies.size());
        return SendResult.sent();
    }

    private SendResult sendOne(PhoneNumber to, String body) {
        try {
            creator(to, body).create(client);
            return SendResult.sent();
        } catch (ApiException e) {
            return TwilioErrors.of(e);
        } catch (ApiConnectionException e) {
            return SendResult.failed(SendFailure.CONNECTION_FAILED, "twilio unreachable");
        } catch (RuntimeException e) {
            // Twilio may have taken the message: a retry could double it, so it goes to the dead letters.
            // The exception's message may quote the number: its type is enough to find the cause.
            log.warn("twilio {} send failed unexpectedly: {}", channel.id(), e.getClass().getName());
            return SendResult.failed(SendFailure.REJECTED, "unexpected " + e.getClass().getSimpleName());
        }
    }

    private MessageCreator creator(PhoneNumber to, String body) {
        var creator = settings.usesMessagingService()
                ? Message.creator(to, settings.messagingServiceSid(), body)
                : Message.creator(to, new PhoneNumber(address(settings.from())), body);
        if (statusCallback != null) {
            creator.setStatusCallback(statusCallback);
        }
        return creator;
    }

    private String address(String number) {
        if (channel == Channel.WHATSAPP && !number.startsWith(WHATSAPP)) {
            return WHATSAPP + number;
        }
        return number;
    }

    @Override
    public String toString() {
        return "TwilioSender[" + channel.id() + "]";
    }
}
