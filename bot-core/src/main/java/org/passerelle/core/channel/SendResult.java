package org.passerelle.core.channel;

import java.util.Optional;

/**
 * What a channel said about one message. Senders return this instead of throwing.
 *
 * @param failure empty when the channel accepted the message
 * @param reason  a short reason for logs, free of personal data
 */
public record SendResult(Optional<SendFailure> failure, String reason) {

    /** The channel accepted the message. */
    public static SendResult sent() {
        return new SendResult(Optional.empty(), "sent");
    }

    /** The channel did not take the message. */
    public static SendResult failed(SendFailure failure, String reason) {
        return new SendResult(Optional.of(failure), reason);
    }

    /** Whether the channel accepted the message. */
    public boolean ok() {
        return failure.isEmpty();
    }

    /** Whether a failed message may be sent again later. */
    public boolean retryable() {
        return failure.map(SendFailure::retryable).orElse(false);
    }
}
