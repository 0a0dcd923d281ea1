/**
 * Access to the one Redis that holds all state, through Jedis. {@link org.passerelle.core.store.RedisStore}
 * owns the connection, the key prefix and the translation of every Jedis failure into
 * {@link org.passerelle.core.store.StoreUnavailableException}; feature packages say which
 * commands to run. No key ever holds a phone number, chat id or message text: keys carry the
 * HMAC pseudonym of an address.
 *
 * <p>Keys, after the configurable prefix (default {@code passerelle:}):
 * <ul>
 *   <li>{@code conv:{pseudonym}} — hash, the conversation state (language, step, topic,
 *       handoff state, misses, channel, last activity); expires after the retention period;</li>
 *   <li>{@code lock:conv:{pseudonym}} — string, the per-conversation turn lock (short lease);</li>
 *   <li>{@code flood:{pseudonym}} — counter of her messages in the current minute; expires
 *       after a minute and is kept through an erase, so that erasing cannot lift the limit;</li>
 *   <li>{@code handoff:queue} — sorted set of pseudonyms waiting for a mediator, scored by
 *       priority then request time;</li>
 *   <li>{@code handoff:{pseudonym}} — hash, one handoff request (language, channel, priority,
 *       requested at); expires after the retention period.</li>
 * </ul>
 */
package org.passerelle.core.store;
