/**
 * Benchmarks of Passerelle, run by hand with the commands in {@code docs/performance.md}: the
 * sample of messages they share lives here, the JMH benchmarks in {@code jmh} and the load driver
 * against the packaged application in {@code load}. May use the core and the core's test kit
 * (embedded Redis, round-trip relay, test engines); never part of the application.
 */
package org.passerelle.bench;
