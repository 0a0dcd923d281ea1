package org.passerelle.core.outbox;

/**
 * A reply given up on: never its text nor its address, only what a person needs to look into it.
 *
 * @param messageId      the reply's id
 * @param conversationId the conversation's pseudonym
 * @param channel        the channel id
 * @param reason         the failure kind and the channel's short reason
 * @param attempts       how many sends were tried
 */
public record DeadLetter(String messageId, String conversationId, String channel, String reason, int attempts) {
}
