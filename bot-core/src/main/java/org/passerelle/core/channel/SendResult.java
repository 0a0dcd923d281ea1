package org.passerelle.core.channel;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a channel said about one message. Senders return this instead of throwing.
 *
 * @param failure   empty when the channel accepted the message
 * @param reason    a short reason for logs, free of personal data
 * @param partsDone for a message the channel had to split, how many parts it took before the
 *                  failure (counted from the first part of the message), so that a retry
 *                  starts after them and no part is sent twice
 * @param retryAfter how long the channel asked us to wait before trying again (zero when it
 *                   did not say)
 * @param receipts  the channel's ids of the messages it created, on a channel that can take its
 *                  messages back ({@link ChannelSender#withdraw}); empty elsewhere
 */
public record SendResult(Optional<SendFailure> failure, String reason, int partsDone, Duration retryAfter,
        List<String> receipts) {

    public SendResult {
        retryAfter = retryAfter == null || retryAfter.isNegative() ? Duration.ZERO : retryAfter;
        receipts = receipts == null ? List.of() : List.copyOf(receipts);
    }

    /** A result without receipts. */
    public SendResult(Optional<SendFailure> failure, String reason, int partsDone, Duration retryAfter) {
        this(failure, reason, partsDone, retryAfter, List.of());
    }

    /** The channel accepted the message. */
    public static SendResult sent() {
        return new SendResult(Optional.empty(), "sent", 0, Duration.ZERO);
    }

    /** The channel did not take the message, nor any part of it. */
    public static SendResult failed(SendFailure failure, String reason) {
        return new SendResult(Optional.of(failure), reason, 0, Duration.ZERO);
    }

    /** The channel took the first {@code partsDone} parts of a split message, then refused the next. */
    public static SendResult failedAfter(SendFailure failure, String reason, int partsDone) {
        return new SendResult(Optional.of(failure), reason, partsDone, Duration.ZERO);
    }

    /** The channel asked us to slow down and said for how long. */
    public static SendResult throttled(String reason, Duration retryAfter) {
        return new SendResult(Optional.of(SendFailure.THROTTLED), reason, 0, retryAfter);
    }

    /** The same result, knowing that the first {@code parts} parts of the message left before it. */
    public SendResult afterParts(int parts) {
        return new SendResult(failure, reason, parts, retryAfter, receipts);
    }

    /** The same result, with the channel's ids of the messages that left. */
    public SendResult withReceipts(List<String> ids) {
        return new SendResult(failure, reason, partsDone, retryAfter, ids);
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
