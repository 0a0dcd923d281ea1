package org.passerelle.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The packaged application in a process of its own, as it runs in production but with
 * {@code -Xmx256m}, on an external Redis, with Twilio configured and the no-op webhook on. Knows
 * how long it took from the spawn to {@code /actuator/health} answering UP, and reads its heap
 * ({@code jcmd GC.heap_info}) and resident memory ({@code /proc/<pid>/status}).
 */
final class AppUnderTest implements AutoCloseable {

    /** The Twilio account the application is given, and the public URL Twilio signs. */
    record Twilio(String accountSid, String authToken, String from, String publicBaseUrl) {

        static Twilio forBenchmarks() {
            return new Twilio("AC" + "0b".repeat(16), "bench-auth-token-" + Long.toHexString(new SecureRandom().nextLong()),
                    "+33700000000", "https://passerelle.example.org");
        }
    }

    /** The heap in use and committed, and the resident set, in MiB; -1 where it could not be read. */
    record Memory(long heapUsed, long heapCommitted, long rss) {
        static final Memory UNKNOWN = new Memory(-1, -1, -1);
    }

    private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    private static final Pattern MODELS = Pattern.compile(
            "intent models ready for (\\d+) languages in (\\d+) ms, (\\d+) of them loaded from the cache");
    private static final Duration READY_PATIENCE = Duration.ofSeconds(300);

    private final Process process;
    private final int port;
    private final Duration startUp;
    private final String models;

    private AppUnderTest(Process process, int port, Duration startUp, String models) {
        this.process = process;
        this.port = port;
        this.startUp = startUp;
        this.models = models;
    }

    /**
     * Starts the application and waits until it is ready.
     *
     * @param javaOptions what its JVM is given after {@code -Xmx256m} (a class data sharing archive…)
     * @throws IllegalStateException when it ends or is not ready within five minutes; its log says why
     */
    static AppUnderTest start(Path jar, List<String> javaOptions, String redisUrl, String twilioApi, Twilio twilio,
            Path workDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: package the application first");
        }
        int port = freePort();
        var key = new byte[32];
        new SecureRandom().nextBytes(key);
        var command = new ArrayList<>(List.of(javaCommand(), "-Xmx256m"));
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
                "--passerelle.data-dir=" + workDir.resolve("data"),
                "--passerelle.redis.url=" + redisUrl,
                "--passerelle.privacy.secret=" + Base64.getEncoder().encodeToString(key) + "-bench-secret",
                "--passerelle.privacy.keys.k1=" + Base64.getEncoder().encodeToString(key),
                "--passerelle.privacy.current-key=k1",
                "--passerelle.twilio.account-sid=" + twilio.accountSid(),
                "--passerelle.twilio.auth-token=" + twilio.authToken(), "--passerelle.twilio.from=" + twilio.from(),
                "--passerelle.twilio.api-url=" + twilioApi, "--passerelle.public-base-url=" + twilio.publicBaseUrl(),
                "--passerelle.bench.noop-webhook=true"));
        var log = workDir.resolve("app.log");
        try {
            long spawned = System.nanoTime();
            var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            var ready = awaitReady(process, port, spawned, log);
            return new AppUnderTest(process, port, ready, intentModels(Files.readString(log)));
        } catch (IOException e) {
            throw new UncheckedIOException("the application could not be started", e);
        }
    }

    private static Duration awaitReady(Process process, int port, long spawned, Path log) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        var health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = spawned + READY_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application ended while starting; see " + log);
            }
            try {
                var response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - spawned);
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the application", e);
            }
            sleep(20);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the application was not ready within " + READY_PATIENCE + "; see " + log);
    }

    int port() {
        return port;
    }

    Duration startUp() {
        return startUp;
    }

    /** How the start made its intent models, as its log says: trained, or loaded from the model cache. */
    String models() {
        return models;
    }

    /** What the log of a start says of its intent models, in a few words. */
    static String intentModels(String log) {
        var line = MODELS.matcher(log);
        if (!line.find()) {
            return "intent models: not found in the log";
        }
        int languages = Integer.parseInt(line.group(1));
        int loaded = Integer.parseInt(line.group(3));
        var how = loaded == 0 ? " trained" : loaded == languages ? " loaded from the model cache"
                : ", " + loaded + " loaded from the model cache and " + (languages - loaded) + " trained,";
        return "intent models of " + languages + " languages" + how + " in " + line.group(2) + " ms";
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The heap and resident memory now. */
    Memory memory() {
        var heap = Memory.UNKNOWN;
        try {
            var jcmd = new ProcessBuilder(jcmdCommand(), Long.toString(process.pid()), "GC.heap_info")
                    .redirectErrorStream(true).start();
            var output = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor(10, TimeUnit.SECONDS);
            heap = heap(output);
        } catch (IOException e) {
            // jcmd is missing: the heap stays unknown.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Memory(heap.heapUsed(), heap.heapCommitted(), rss());
    }

    /**
     * The heap in use and committed, in MiB, from {@code jcmd GC.heap_info}: the sum of its
     * spaces, one for G1 ("garbage-first heap"), two for the serial and parallel collectors (the
     * young generation, then the old one); -1 for both when the output names none. The resident
     * set is left unknown.
     */
    static Memory heap(String heapInfo) {
        var spaces = HEAP.matcher(heapInfo);
        long committedKib = 0;
        long usedKib = 0;
        boolean found = false;
        while (spaces.find()) {
            committedKib += Long.parseLong(spaces.group(1));
            usedKib += Long.parseLong(spaces.group(2));
            found = true;
        }
        return found ? new Memory(usedKib / 1024, committedKib / 1024, -1) : Memory.UNKNOWN;
    }

    private long rss() {
        try {
            var status = RSS.matcher(Files.readString(Path.of("/proc", Long.toString(process.pid()), "status")));
            return status.find() ? Long.parseLong(status.group(1)) / 1024 : -1;
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String jcmdCommand() {
        var beside = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        return Files.isExecutable(beside) ? beside.toString() : "jcmd";
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
