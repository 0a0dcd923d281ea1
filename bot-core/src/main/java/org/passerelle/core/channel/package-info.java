/**
 * The channel-neutral message types that connectors and the engine exchange: an inbound
 * message, replies with options, and the {@link org.passerelle.core.channel.ChannelSender}
 * that each connector implements. No channel library type ever appears here.
 */
package org.passerelle.core.channel;
