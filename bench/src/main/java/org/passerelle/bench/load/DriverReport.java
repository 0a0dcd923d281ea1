package org.passerelle.bench.load;

import java.time.Duration;
import java.util.List;

/**
 * Everything one run of the driver measured.
 *
 * @param machine          the processors, memory and Java version the run had
 * @param startUp          from the spawn of the application to its health answering UP
 * @param models           how that start made its intent models (trained, or loaded from the model cache)
 * @param noop             the no-op webhook at full speed: the first ceiling
 * @param sms              the SMS webhook at full speed
 * @param roundTripsPerTurn the Redis round trips counted during {@code sms}, per message taken
 * @param fixedRates       the SMS webhook, then the web chat, at each fixed rate
 * @param redis            single Redis round trips at full speed: the second ceiling, once divided
 * @param repliesSent      the messages the application sent to Twilio's stand-in during the run
 * @param survived         whether the application was still running, without running out of memory, at the end
 */
public record DriverReport(String machine, Duration startUp, String models, PhaseResult noop, PhaseResult sms,
        double roundTripsPerTurn, List<PhaseResult> fixedRates, PhaseResult redis, long repliesSent,
        boolean survived) {

    /** Every phase, in the order of the run. */
    public List<PhaseResult> phases() {
        var all = new java.util.ArrayList<PhaseResult>();
        all.add(noop);
        all.add(sms);
        all.addAll(fixedRates);
        all.add(redis);
        return List.copyOf(all);
    }

    /** The most messages a second Redis allows, at the round trips a turn took. */
    public double redisBoundCeiling() {
        return roundTripsPerTurn > 0 ? redis.throughput() / roundTripsPerTurn : Double.NaN;
    }

    /** SMS throughput over the no-op webhook's. */
    public double shareOfNoop() {
        return sms.throughput() / noop.throughput();
    }

    /** SMS throughput over the Redis-bound ceiling. */
    public double shareOfRedisBound() {
        return sms.throughput() / redisBoundCeiling();
    }

    /** Requests that failed in the phases driving the application. */
    public long applicationErrors() {
        return phases().stream().filter(phase -> phase != redis).mapToLong(PhaseResult::errors).sum();
    }
}
