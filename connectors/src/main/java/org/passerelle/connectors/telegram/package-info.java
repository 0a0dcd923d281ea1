/**
 * The Telegram channel: updates arrive by long polling (the default) or on a webhook that
 * checks Telegram's secret header, are turned into {@code InboundMessage}s for the engine's
 * intake, and replies leave through {@link org.passerelle.connectors.telegram.TelegramSender}
 * as HTML messages with inline buttons. Long polling is done by one instance at a time, the
 * holder of a lease in Redis, which passes the updates on through a Redis stream that every
 * instance reads. Uses the TelegramBots library, the engine's {@code org.passerelle.core.channel}
 * API and {@code core.store} / {@code core.privacy} for the lease and the sealed stream only;
 * none of its types leave this package.
 */
package org.passerelle.connectors.telegram;
