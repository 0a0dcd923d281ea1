package org.passerelle.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import redis.clients.jedis.Jedis;

/**
 * The most single round trips Redis answers a second, over as many connections as the driver
 * uses: each thread sends one small {@code GET} and waits for its answer, again and again. A turn
 * that needs {@code n} round trips cannot go faster than this divided by {@code n}.
 */
final class RedisCeiling {

    private static final long MAX_LATENCY_MICROS = 10_000_000L;

    private RedisCeiling() {
    }

    static PhaseResult measure(int redisPort, int connections, Duration duration) {
        var errors = new LongAdder();
        var histograms = new ArrayList<Histogram>();
        var threads = new ArrayList<Thread>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (int c = 0; c < connections; c++) {
            var histogram = new Histogram(MAX_LATENCY_MICROS, 3);
            histograms.add(histogram);
            var key = "bench:ceiling:" + c;
            var thread = new Thread(() -> {
                try (var jedis = new Jedis("127.0.0.1", redisPort)) {
                    jedis.set(key, "a value of about the size of a small field");
                    long before;
                    while ((before = System.nanoTime()) < end) {
                        try {
                            jedis.get(key);
                        } catch (RuntimeException e) {
                            errors.increment();
                        }
                        histogram.recordValue(Math.min((System.nanoTime() - before) / 1000, MAX_LATENCY_MICROS));
                    }
                    jedis.del(key);
                }
            }, "redis-ceiling-" + c);
            threads.add(thread);
            thread.start();
        }
        for (var thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        var all = new Histogram(MAX_LATENCY_MICROS, 3);
        histograms.forEach(all::add);
        return new PhaseResult("Redis: single round trips (Jedis GET loop)", all.getTotalCount(), errors.sum(),
                errors.sum(), (System.nanoTime() - start) / 1e9, all, null, false);
    }
}
