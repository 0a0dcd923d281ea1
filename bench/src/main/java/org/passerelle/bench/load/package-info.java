/**
 * The load driver: starts the packaged application against a Redis of its own (reached directly;
 * round trips are counted by the server) and a stand-in for Twilio's Messages API, then drives the signed SMS
 * webhook, the no-op webhook and the web chat API at full speed and at fixed rates, measures the
 * Redis-bound ceiling on the same Redis, and prints every figure and the targets as a Markdown
 * table. Run by hand; the build runs it once in its quick mode as a smoke test.
 */
package org.passerelle.bench.load;
