package org.passerelle.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.function.Supplier;
import redis.embedded.RedisServer;

/**
 * Drives the packaged application and prints what it can do: start-up to ready, the no-op
 * webhook and the SMS webhook at full speed with the Redis round trips per turn, the SMS webhook
 * and the web chat at fixed rates, the Redis-bound ceiling, then the Markdown tables and the
 * targets. Everything runs on this machine: the application (-Xmx256m), its Redis (the embedded
 * binary, reached directly), Twilio's stand-in and the driver itself.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.passerelle.bench.load.LoadDriver [--quick] [options]</pre>
 */
public final class LoadDriver {

    private static final Duration PAUSE_BETWEEN_PHASES = Duration.ofSeconds(5);

    private static final int NOOP_POOL = 20_000;

    private final DriverOptions options;

    LoadDriver(DriverOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        DriverOptions options;
        try {
            options = DriverOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        var report = new LoadDriver(options).run();
        System.out.println();
        System.out.println(Report.markdown(report));
    }

    static String fixedRateName(String endpoint, int rate) {
        return endpoint + " at " + rate + " msg/s";
    }

    /**
     * Runs every phase and returns the figures. The application's log stays in a temporary
     * directory, named on the first line; its data and Redis's are deleted at the end.
     */
    public DriverReport run() {
        var work = temporaryDirectory();
        try {
            return run(work);
        } finally {
            deleteQuietly(work.resolve("data"));
            deleteQuietly(work.resolve("redis"));
        }
    }

    private DriverReport run(Path work) {
        var twilio = AppUnderTest.Twilio.forBenchmarks();
        try (var redis = new OwnRedis(work); var stub = TwilioStub.start(twilio.accountSid());
                var app = AppUnderTest.start(options.appJar(), options.javaOptions(),
                        "redis://127.0.0.1:" + redis.port, stub.url(), twilio,
                        work)) {
            say("start-up to ready: %.2f s, %s (application log: %s)", app.startUp().toMillis() / 1000.0,
                    app.models(), work.resolve("app.log"));
            return phases(app, redis.port, stub, twilio, work);
        }
    }

    private DriverReport phases(AppUnderTest app, int redisPort, TwilioStub stub,
            AppUnderTest.Twilio twilio, Path work) {
        var book = new RequestBook(twilio, app.port(), options.senders());
        var load = new LoadRun(app.port());
        int cap = options.rateCap();
        say("writing and signing %d SMS webhooks", options.smsRequests());
        var noop = book.sms(RequestBook.NOOP_PATH, 0, NOOP_POOL);
        long first = 0;
        var smsWarmUp = book.sms(RequestBook.SMS_PATH, first, cap * (int) options.warmUp().toSeconds());
        first += smsWarmUp.length;
        var smsFull = book.sms(RequestBook.SMS_PATH, first, cap * (int) options.duration().toSeconds());
        first += smsFull.length;
        var webWarmUp = book.webChat(0, options.senders());

        say("warm-up: %s on each endpoint", options.warmUp());
        load.fullSpeed("warm-up no-op", noop, options.concurrency(), options.warmUp(), true);
        load.fullSpeed("warm-up SMS", smsWarmUp, options.concurrency(), options.warmUp(), false);
        load.fullSpeed("warm-up web chat", webWarmUp, options.concurrency(), options.warmUp(), true);
        pause();

        var noopResult = measured(app, () -> load.fullSpeed("no-op webhook, full speed", noop, options.concurrency(),
                options.duration(), true));
        PhaseResult smsResult;
        long roundTrips;
        try (var reads = new RedisReads(redisPort)) {
            smsResult = measured(app, () -> load.fullSpeed("SMS webhook, full speed", smsFull, options.concurrency(),
                    options.duration(), false));
            roundTrips = reads.sinceReset();
        }
        long turns = smsResult.requests() - smsResult.errors();
        double perTurn = turns == 0 ? Double.NaN : (double) roundTrips / turns;
        say("Redis round trips during the SMS phase: %d for %d turns, %.2f a turn", roundTrips, turns, perTurn);
        pause();

        var fixed = new ArrayList<PhaseResult>();
        for (int rate : options.rates()) {
            int count = rate * (int) options.duration().toSeconds();
            var requests = book.sms(RequestBook.SMS_PATH, first, count);
            first += count;
            fixed.add(measured(app, () -> load.fixedRate(fixedRateName("SMS webhook", rate), requests,
                    options.openLoopConnections(), options.duration(), rate)));
            pause();
        }
        long webFirst = options.senders();
        for (int rate : options.rates()) {
            int count = rate * (int) options.duration().toSeconds();
            var requests = book.webChat(webFirst, count);
            webFirst += count;
            fixed.add(measured(app, () -> load.fixedRate(fixedRateName("web chat API", rate), requests,
                    options.openLoopConnections(), options.duration(), rate)));
            pause();
        }
        var redisResult = RedisCeiling.measure(redisPort, options.concurrency(), options.duration());
        say("%s: %.0f/s", redisResult.name(), redisResult.throughput());
        return new DriverReport(machine(), app.startUp(), app.models(), noopResult, smsResult, perTurn, fixed,
                redisResult, stub.sent(), app.alive() && !ranOutOfMemory(work.resolve("app.log")));
    }

    private PhaseResult measured(AppUnderTest app, Supplier<PhaseResult> phase) {
        var result = phase.get().withMemory(app.memory());
        say("%s: %d requests, %d errors (%d unanswered), %.0f/s, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, "
                + "heap %d/%d MiB, RSS %d MiB", result.name(), result.requests(), result.errors(), result.unanswered(),
                result.throughput(), result.percentileMillis(50), result.percentileMillis(99), result.percentileMillis(99.9), result.memory().heapUsed(),
                result.memory().heapCommitted(), result.memory().rss());
        return result;
    }

    /**
     * A pause between phases, so that the connections of one are closed before the next. The
     * replies are not waited for: the outbox sends them at the channel's rate (SMS: 10 a second
     * by default), far below what a phase queues, so most of them are still waiting at the end
     * of the run; that sending is not part of the load measured.
     */
    private static void pause() {
        sleep(PAUSE_BETWEEN_PHASES.toMillis());
    }

    private static boolean ranOutOfMemory(Path log) {
        try {
            return Files.readString(log).contains("OutOfMemoryError");
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    static String machine() {
        var cpu = "unknown processor";
        long memoryMiB = -1;
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse(cpu);
            memoryMiB = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
                    .findFirst().map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).orElse(-1L);
        } catch (IOException | UncheckedIOException e) {
            // Not Linux: say what Java knows.
        }
        return String.format(Locale.ROOT, "%d processors (%s), %d MiB of memory, Java %s (%s)",
                Runtime.getRuntime().availableProcessors(), cpu, memoryMiB, System.getProperty("java.version"),
                System.getProperty("java.vm.name"));
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("passerelle-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            say("could not delete %s: %s", directory, e.getMessage());
        }
    }

    private static void say(String format, Object... values) {
        System.out.println(String.format(Locale.ROOT, format, values));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A Redis server of the driver's own, persisting like the application's embedded one. */
    private static final class OwnRedis implements AutoCloseable {

        private final RedisServer server;
        private final int port;

        OwnRedis(Path work) {
            port = AppUnderTest.freePort();
            try {
                var dir = Files.createDirectories(work.resolve("redis"));
                server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                        .setting("dir \"" + dir + "\"").setting("appendonly yes").setting("appendfsync everysec")
                        .setting("save \"\"").build();
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded Redis did not start", e);
            }
        }

        @Override
        public void close() {
            try {
                server.stop();
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded Redis did not stop", e);
            }
        }
    }
}
