/**
 * What every connector shares: limits on request bodies, the security headers of the public
 * endpoints, and the limit per client address on the channels' webhooks, which the channels'
 * own calls pass through ({@link org.passerelle.connectors.support.ChannelProof}).
 */
package org.passerelle.connectors.support;
