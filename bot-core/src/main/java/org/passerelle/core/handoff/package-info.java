/**
 * Handing a conversation to a human mediator: the handoff states and the waiting queue in
 * Redis, ordered by priority then waiting time. Uses {@code core.store} for Redis.
 */
package org.passerelle.core.handoff;
