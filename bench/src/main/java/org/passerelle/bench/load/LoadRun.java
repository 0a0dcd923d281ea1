package org.passerelle.bench.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Sends prepared requests to the application over many connections, one thread each. At full
 * speed (closed loop) each thread sends its next request as soon as the last is answered, and
 * latency is the time of each exchange. At a fixed rate (open loop) request {@code i} is due at
 * {@code start + i / rate} whatever happened before; latency runs from that intended time, so a
 * stall of the application counts against every request it delayed, not just the one it held.
 */
final class LoadRun {

    private static final long MAX_LATENCY_MICROS = 60_000_000L;
    private static final long GRACE_NANOS = 10_000_000_000L;

    private final int port;

    LoadRun(int port) {
        this.port = port;
    }

    /** Sends as fast as answers come, for this long or until the requests run out. */
    PhaseResult fullSpeed(String name, byte[][] requests, int connections, Duration duration, boolean cycle) {
        var next = new AtomicLong();
        var exhausted = new AtomicBoolean();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        return run(name, connections, start, (connection, histogram, errors) -> {
            long now;
            while ((now = System.nanoTime()) < end) {
                long i = next.getAndIncrement();
                if (i >= requests.length && !cycle) {
                    exhausted.set(true);
                    return;
                }
                send(connection, requests[(int) (i % requests.length)], now, histogram, errors);
            }
        }, exhausted);
    }

    /**
     * Sends request {@code i} at {@code start + i / rate}, for this long. A request still unsent
     * ten seconds after the phase should have ended is not sent: it counts as an error.
     */
    PhaseResult fixedRate(String name, byte[][] requests, int connections, Duration duration, int rate) {
        var next = new AtomicLong();
        long start = System.nanoTime() + 10_000_000L;
        long count = Math.min(requests.length, rate * duration.toSeconds());
        long cutOff = start + duration.toNanos() + GRACE_NANOS;
        double interval = 1e9 / rate;
        var result = run(name, connections, start, (connection, histogram, errors) -> {
            long i;
            while (System.nanoTime() < cutOff && (i = next.getAndIncrement()) < count) {
                long intended = start + Math.round(i * interval);
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                send(connection, requests[(int) i], intended, histogram, errors);
            }
        }, new AtomicBoolean());
        long unsent = count - result.requests();
        return new PhaseResult(name, count, result.errors() + unsent,
                result.unanswered() + unsent, result.seconds(), result.latencies(), null,
                false);
    }

    /** Answers other than 2xx, and requests that got no answer. */
    private record Errors(LongAdder refused, LongAdder unanswered) {
    }

    private interface Sender {
        void sendAll(HttpConnection connection, Histogram histogram, Errors errors);
    }

    private PhaseResult run(String name, int connections, long start, Sender sender, AtomicBoolean exhausted) {
        var histograms = new ArrayList<Histogram>();
        var errors = new Errors(new LongAdder(), new LongAdder());
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < connections; c++) {
            var histogram = new Histogram(MAX_LATENCY_MICROS, 3);
            histograms.add(histogram);
            var thread = new Thread(() -> {
                try (var connection = new HttpConnection(port)) {
                    sender.sendAll(connection, histogram, errors);
                }
            }, "load-" + c);
            threads.add(thread);
            thread.start();
        }
        joinAll(threads);
        double seconds = (System.nanoTime() - start) / 1e9;
        var all = new Histogram(MAX_LATENCY_MICROS, 3);
        histograms.forEach(all::add);
        return new PhaseResult(name, all.getTotalCount(),
                errors.refused().sum() + errors.unanswered().sum(), errors.unanswered().sum(), seconds, all, null, exhausted.get());
    }

    private static void send(HttpConnection connection, byte[] request, long since, Histogram histogram,
            Errors errors) {
        try {
            int status = connection.send(request);
            if (status < 200 || status > 299) {
                errors.refused().increment();
            }
        } catch (IOException e) {
            errors.unanswered().increment();
        }
        long micros = (System.nanoTime() - since) / 1000;
        histogram.recordValue(Math.min(Math.max(micros, 0), MAX_LATENCY_MICROS));
    }

    private static void joinAll(List<Thread> threads) {
        for (var thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
