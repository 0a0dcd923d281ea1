/**
 * Channels in front of the engine. Each channel is one package behind the engine's public API
 * ({@code org.passerelle.core.channel} and {@code org.passerelle.core.conversation}); none
 * talks to Redis or decides what to say.
 */
package org.passerelle.connectors;
