/**
 * The Telegram channel: updates arrive by long polling (the default) or on a webhook that
 * checks Telegram's secret header, are turned into {@code InboundMessage}s for the engine's
 * intake, and replies leave through {@link org.passerelle.connectors.telegram.TelegramSender}
 * as HTML messages with inline buttons. Uses the TelegramBots library and the engine's
 * {@code org.passerelle.core.channel} API only; none of its types leave this package.
 */
package org.passerelle.connectors.telegram;
