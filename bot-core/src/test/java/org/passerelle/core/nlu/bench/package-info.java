/**
 * Benchmarks of the understanding step, run with {@code scripts/nlu-bench}: figures printed by
 * JMH, never timed tests.
 */
package org.passerelle.core.nlu.bench;
