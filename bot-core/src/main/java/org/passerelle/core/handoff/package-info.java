/**
 * Handing a conversation to a human mediator: the handoff states, the queue of waiting
 * conversations (danger, then minors, then the longest wait) and the conversations mediators
 * hold, claimed atomically by Lua scripts; the sealed transcript with its brief context; the
 * team's weekly hours in Paris time; the records the inbox shows ({@link
 * org.passerelle.core.handoff.InboxItem}, {@link org.passerelle.core.handoff.TranscriptEntry},
 * {@link org.passerelle.core.handoff.Mediator}). Never an address in clear: a pseudonym, the
 * channel and the language. Uses {@code core.store} for Redis and {@code core.privacy} to seal.
 */
package org.passerelle.core.handoff;
