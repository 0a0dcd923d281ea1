package org.passerelle.bench.load;

import org.HdrHistogram.Histogram;

/**
 * The figures of one phase.
 *
 * @param name       what was driven, and how
 * @param requests   requests sent
 * @param errors     answers other than 2xx, failed connections and timeouts
 * @param unanswered of the errors, the requests that got no answer: failed connections, timeouts
 *                   (5 s), and in a fixed-rate phase the requests never sent for being too late
 * @param seconds    how long the phase lasted
 * @param latencies  the latency of every request, in microseconds; from its intended send time in
 *                   the fixed-rate phases
 * @param memory     the application's memory at the end of the phase (null for the Redis loop)
 * @param exhausted  whether a full-speed phase used every request written for it before its end
 */
public record PhaseResult(String name, long requests, long errors, long unanswered, double seconds,
        Histogram latencies, AppUnderTest.Memory memory, boolean exhausted) {

    /** Successful requests a second. */
    public double throughput() {
        return (requests - errors) / seconds;
    }

    /** A latency percentile in milliseconds. */
    public double percentileMillis(double percentile) {
        return latencies.getTotalCount() == 0 ? Double.NaN : latencies.getValueAtPercentile(percentile) / 1000.0;
    }

    PhaseResult withMemory(AppUnderTest.Memory measured) {
        return new PhaseResult(name, requests, errors, unanswered, seconds, latencies, measured, exhausted);
    }
}
