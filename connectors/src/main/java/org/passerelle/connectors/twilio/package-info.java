/**
 * SMS and WhatsApp through Twilio: the signed webhooks for incoming messages and delivery
 * statuses, and the {@link org.passerelle.connectors.twilio.TwilioSender} that renders replies as
 * numbered menus, splits them within Twilio's and the carriers' limits and sends them through
 * Twilio's REST API. Active only when an account SID and an auth token are configured. May use
 * the engine's channel API and the content module's SMS segment counter; no Twilio type leaves
 * this package.
 */
package org.passerelle.connectors.twilio;
