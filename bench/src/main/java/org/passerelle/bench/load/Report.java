package org.passerelle.bench.load;

import java.util.Locale;
import java.util.Optional;

/** The figures of a run as Markdown tables, ready for {@code docs/performance.md}, with each target's verdict. */
final class Report {

    static final int TARGET_THROUGHPUT = 3_000;
    static final int TARGET_RATE_FOR_P99 = 1_000;
    static final double TARGET_P99_MILLIS = 20;
    static final double TARGET_SHARE_OF_NOOP = 0.5;
    static final double TARGET_ROUND_TRIPS = 4;
    static final double TARGET_START_UP_SECONDS = 6;

    private Report() {
    }

    static String markdown(DriverReport run) {
        var out = new StringBuilder();
        out.append("Machine: ").append(run.machine()).append("\n\n");
        out.append("Replies the application sent to the Twilio stand-in during the run: ").append(run.repliesSent())
                .append("\n\n");
        out.append("| phase | requests | errors (unanswered) | throughput (/s) | p50 (ms) | p99 (ms) | p99.9 (ms) "
                + "| heap used / committed (MiB) | RSS (MiB) |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (var phase : run.phases()) {
            var memory = phase.memory();
            out.append(String.format(Locale.ROOT, "| %s%s | %d | %d (%d) | %.0f | %.2f | %.2f | %.2f | %s | %s |%n",
                    phase.name(), phase.exhausted() ? " (ran out of prepared requests)" : "", phase.requests(),
                    phase.errors(), phase.unanswered(), phase.throughput(), phase.percentileMillis(50), phase.percentileMillis(99),
                    phase.percentileMillis(99.9),
                    memory == null ? "-" : memory.heapUsed() + " / " + memory.heapCommitted(),
                    memory == null ? "-" : Long.toString(memory.rss())));
        }
        out.append('\n').append("| ceiling | value | SMS webhook's share |\n| --- | ---: | ---: |\n");
        out.append(String.format(Locale.ROOT, "| no-op webhook (same app, same signed request) | %.0f msg/s | %.0f %% |%n",
                run.noop().throughput(), 100 * run.shareOfNoop()));
        out.append(String.format(Locale.ROOT,
                "| Redis-bound: %.0f round trips/s / %.2f round trips per turn | %.0f msg/s | %.0f %% |%n",
                run.redis().throughput(), run.roundTripsPerTurn(), run.redisBoundCeiling(),
                100 * run.shareOfRedisBound()));
        out.append('\n').append(targets(run));
        return out.toString();
    }

    static String targets(DriverReport run) {
        var out = new StringBuilder("| target | measured | result |\n| --- | --- | --- |\n");
        var sms = run.sms();
        row(out, "≥ " + TARGET_THROUGHPUT + " msg/s sustained, SMS webhook",
                String.format(Locale.ROOT, "%.0f msg/s, %d errors", sms.throughput(), sms.errors()),
                sms.throughput() >= TARGET_THROUGHPUT && sms.errors() == 0);
        var atRate = p99At(run, TARGET_RATE_FOR_P99);
        row(out, "p99 ≤ " + (int) TARGET_P99_MILLIS + " ms at " + TARGET_RATE_FOR_P99 + " msg/s, SMS webhook",
                atRate.map(p -> String.format(Locale.ROOT, "%.2f ms, %d errors", p.percentileMillis(99), p.errors()))
                        .orElse("not run at this rate"),
                atRate.map(p -> verdict(p.percentileMillis(99) <= TARGET_P99_MILLIS && p.errors() == 0)).orElse("-"));
        row(out, "≥ 50 % of the no-op webhook", String.format(Locale.ROOT, "%.0f %%", 100 * run.shareOfNoop()),
                run.shareOfNoop() >= TARGET_SHARE_OF_NOOP);
        row(out, "≤ 4 Redis round trips per turn", String.format(Locale.ROOT, "%.2f", run.roundTripsPerTurn()),
                run.roundTripsPerTurn() <= TARGET_ROUND_TRIPS);
        var last = run.fixedRates().isEmpty() ? run.sms() : run.fixedRates().get(run.fixedRates().size() - 1);
        row(out, "runs with -Xmx256m under that load", run.survived()
                ? "still running at the end, heap committed " + last.memory().heapCommitted() + " MiB"
                : "stopped or ran out of memory", run.survived());
        row(out, "start-up to ready ≤ " + (int) TARGET_START_UP_SECONDS + " s",
                String.format(Locale.ROOT, "%.2f s, %s", run.startUp().toMillis() / 1000.0, run.models()),
                run.startUp().toMillis() <= TARGET_START_UP_SECONDS * 1000);
        return out.toString();
    }

    private static Optional<PhaseResult> p99At(DriverReport run, int rate) {
        var name = LoadDriver.fixedRateName("SMS webhook", rate);
        return run.fixedRates().stream().filter(phase -> phase.name().equals(name)).findFirst();
    }

    private static void row(StringBuilder out, String target, String measured, boolean pass) {
        row(out, target, measured, verdict(pass));
    }

    private static void row(StringBuilder out, String target, String measured, String result) {
        out.append("| ").append(target).append(" | ").append(measured).append(" | ").append(result).append(" |\n");
    }

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "FAIL";
    }
}
