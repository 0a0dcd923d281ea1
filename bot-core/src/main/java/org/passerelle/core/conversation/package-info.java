/**
 * The conversation engine: one turn of one person, under her conversation's lock, from her
 * message to the replies, with the small state kept in Redis. The dialogue itself is a pure
 * function of the content, the state and the text, testable without Redis. The mediators' desk
 * acts on a handed-off conversation under the same lock and writes to her through the outbox.
 * The barrier questions ({@code core.barriers}) hook in after a turn ({@code BarrierTurns}).
 * Uses {@code core.channel}, {@code core.privacy}, {@code core.handoff}, {@code core.outbox},
 * {@code core.barriers} and {@code core.store}.
 */
package org.passerelle.core.conversation;
