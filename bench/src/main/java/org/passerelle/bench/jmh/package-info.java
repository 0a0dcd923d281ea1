/**
 * JMH benchmarks of the two steps whose cost sets the engine's throughput: understanding one
 * message, and a whole turn taken by the intake on a real Redis. Each prints its figures; the
 * iterations are short so that a run takes a few minutes.
 */
package org.passerelle.bench.jmh;
