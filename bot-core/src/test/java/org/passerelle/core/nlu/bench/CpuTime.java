package org.passerelle.core.nlu.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.passerelle.content.Language;
import org.passerelle.content.load.ContentLoader;
import org.passerelle.core.nlu.IntentClassifier;
import org.passerelle.core.nlu.IntentModels;
import org.passerelle.core.nlu.LanguageDetector;
import org.passerelle.core.nlu.SafetyRules;
import org.passerelle.core.nlu.Understanding;

/**
 * The CPU time of the understanding step per message, on the benchmark's messages, after a
 * warm-up: p50, p99 and p99.9 of the time the measuring thread itself spent. On a machine that
 * other work shares, JMH's wall-clock samples also count the time the thread waited for a core;
 * this figure does not, so two versions can be compared under the same load.
 */
public final class CpuTime {

    private static final int WARM_UP_ROUNDS = 2_000;
    private static final int MEASURED_ROUNDS = 1_000;

    private CpuTime() {
    }

    public static void main(String[] args) {
        var catalog = ContentLoader.fromClasspath();
        var understanding = new Understanding(SafetyRules.shipped(), LanguageDetector.shipped(),
                new IntentModels(catalog, Runnable::run, IntentClassifier.DEFAULT_FLOOR));
        var messages = UnderstandingBenchmark.MESSAGES;
        var threads = ManagementFactory.getThreadMXBean();
        for (var session : new Language[] {Language.FR, null}) {
            for (int i = 0; i < WARM_UP_ROUNDS * messages.size(); i++) {
                understanding.understand(messages.get(i % messages.size()), session, catalog);
            }
            var nanos = new long[MEASURED_ROUNDS * messages.size()];
            for (int i = 0; i < nanos.length; i++) {
                long start = threads.getCurrentThreadCpuTime();
                understanding.understand(messages.get(i % messages.size()), session, catalog);
                nanos[i] = threads.getCurrentThreadCpuTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf("cpu-time session=%s p50=%d us p99=%d us p99.9=%d us%n",
                    session == null ? "none" : session.code(), micros(nanos, 0.5), micros(nanos, 0.99),
                    micros(nanos, 0.999));
        }
    }

    private static long micros(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * sorted.length))] / 1_000;
    }
}
