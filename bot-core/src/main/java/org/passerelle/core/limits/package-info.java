/**
 * Limits per client address: a token bucket per limit and per address, kept in Redis so that
 * every instance counts the same requests, and kept in memory by each instance while Redis is
 * unavailable, so that an outage neither lifts the limits nor blocks anyone. The address is never
 * kept: keys carry its HMAC with the server secret. Uses {@code core.store}.
 */
package org.passerelle.core.limits;
