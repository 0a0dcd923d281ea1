/**
 * The outbox: every reply that leaves through a channel (not the web chat's own answers) goes
 * through a Redis stream with a consumer group. A reply is acknowledged once the channel took
 * it and remembered by its id, so that a retry or a crash never sends it twice; retryable
 * failures wait with back-off, the others go to a dead-letter stream; the replies of one
 * conversation leave in order, within per-chat and per-channel rates. The stream holds no
 * address and no text in clear: the address is sealed with the address key, the whole reply (text,
 * option keys and labels) with the texts' key; the dead letters hold neither. An entry leaves
 * the stream once sent or given up on. When she erases her conversation, the channel is asked
 * to take back the messages it still can (their ids are kept 48 hours, nothing else) and her
 * dead letters go. Uses
 * {@code core.store} and {@code core.privacy}.
 */
package org.passerelle.core.outbox;
