package org.passerelle.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one run of the load driver does.
 *
 * @param appJar      the packaged application
 * @param warmUp      how long the warm-up drives each endpoint
 * @param duration    how long each measured phase lasts
 * @param rates       the fixed rates, in messages a second, of the open-loop phases
 * @param concurrency the connections of the full-speed phases and of the Redis loop
 * @param openLoopConnections the connections of the fixed-rate phases (enough to never wait for one)
 * @param senders     how many people write: each sends well under the per-minute limit
 * @param rateCap     the most messages a second a full-speed phase is given requests for
 * @param javaOptions what the application's JVM is given besides {@code -Xmx256m}
 */
public record DriverOptions(Path appJar, Duration warmUp, Duration duration, List<Integer> rates, int concurrency,
        int openLoopConnections, int senders, int rateCap, List<String> javaOptions) {

    static final String USAGE = """
            usage: java -cp bench/target/benchmarks.jar org.passerelle.bench.load.LoadDriver [options]
              --app-jar PATH        the packaged application (app/target/passerelle.jar)
              --warm-up SECONDS     warm-up per endpoint (20)
              --duration SECONDS    length of each measured phase (30)
              --rates R1,R2,...     fixed rates in messages/s (500,1000,2000)
              --concurrency N       connections at full speed and for the Redis loop (32)
              --open-connections N  connections of the fixed-rate phases (128)
              --senders N           distinct people writing (30000)
              --rate-cap N          most messages/s a full-speed phase has requests for (6000)
              --cds DIR             start the application as the start-up docs recommend: the jar
                                    extracted by scripts/cds into DIR, with the JVM options it
                                    wrote in DIR/java-options (its class data sharing archive)
              --java-options "..."  more options for the application's JVM, space-separated
              --quick               a smoke run: 2 s warm-up, 3 s phases, 20 msg/s, few senders
            """;

    public DriverOptions {
        if (concurrency < 1 || openLoopConnections < 1 || senders < 1 || rateCap < 1 || rates.isEmpty()
                || rates.stream().anyMatch(rate -> rate < 1)) {
            throw new IllegalArgumentException("counts and rates must be positive\n" + USAGE);
        }
        rates = List.copyOf(rates);
        javaOptions = List.copyOf(javaOptions);
    }

    /** The defaults of a measured run. */
    public static DriverOptions defaults() {
        return new DriverOptions(Path.of("app/target/passerelle.jar"), Duration.ofSeconds(20), Duration.ofSeconds(30),
                List.of(500, 1000, 2000), 32, 128, 30_000, 6_000, List.of());
    }

    /** A smoke run of a few seconds a phase at a low rate. */
    public static DriverOptions quick(Path appJar) {
        return new DriverOptions(appJar, Duration.ofSeconds(2), Duration.ofSeconds(3), List.of(20), 4, 8, 500, 2_000, List.of());
    }

    /**
     * The options of a command line.
     *
     * @throws IllegalArgumentException on an unknown option or a malformed value, with the usage
     */
    public static DriverOptions parse(String... args) {
        var options = Arrays.asList(args).contains("--quick") ? quick(defaults().appJar()) : defaults();
        for (int i = 0; i < args.length; i++) {
            var name = args[i];
            if (name.equals("--quick")) {
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value of " + name + "\n" + USAGE);
            }
            options = options.with(name, args[++i]);
        }
        return options;
    }

    private DriverOptions with(String name, String value) {
        try {
            return switch (name) {
                case "--app-jar" -> new DriverOptions(Path.of(value), warmUp, duration, rates, concurrency,
                        openLoopConnections, senders, rateCap, javaOptions);
                case "--warm-up" -> new DriverOptions(appJar, seconds(value), duration, rates, concurrency,
                        openLoopConnections, senders, rateCap, javaOptions);
                case "--duration" -> new DriverOptions(appJar, warmUp, seconds(value), rates, concurrency,
                        openLoopConnections, senders, rateCap, javaOptions);
                case "--rates" -> new DriverOptions(appJar, warmUp, duration,
                        Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf).toList(), concurrency,
                        openLoopConnections, senders, rateCap, javaOptions);
                case "--concurrency" -> new DriverOptions(appJar, warmUp, duration, rates, Integer.parseInt(value),
                        openLoopConnections, senders, rateCap, javaOptions);
                case "--open-connections" -> new DriverOptions(appJar, warmUp, duration, rates, concurrency,
                        Integer.parseInt(value), senders, rateCap, javaOptions);
                case "--senders" -> new DriverOptions(appJar, warmUp, duration, rates, concurrency,
                        openLoopConnections, Integer.parseInt(value), rateCap, javaOptions);
                case "--rate-cap" -> new DriverOptions(appJar, warmUp, duration, rates, concurrency,
                        openLoopConnections, senders, Integer.parseInt(value), javaOptions);
                case "--cds" -> new DriverOptions(Path.of(value).resolve("passerelle.jar"), warmUp, duration, rates,
                        concurrency, openLoopConnections, senders, rateCap, adding(cdsOptions(Path.of(value))));
                case "--java-options" -> new DriverOptions(appJar, warmUp, duration, rates, concurrency,
                        openLoopConnections, senders, rateCap, adding(Arrays.asList(value.strip().split("\\s+"))));
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed value of " + name + ": " + value + "\n" + USAGE);
        }
    }

    /**
     * The JVM options {@code scripts/cds} wrote beside the extracted jar, one a line: the same
     * start as the one the start-up docs recommend.
     */
    private static List<String> cdsOptions(Path dir) {
        var file = dir.resolve("java-options");
        try {
            return Files.readAllLines(file).stream().map(String::strip).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("no " + file + ": run scripts/cds first\n" + USAGE, e);
        }
    }

    private List<String> adding(List<String> more) {
        var all = new ArrayList<>(javaOptions);
        more.stream().filter(option -> !option.isEmpty()).forEach(all::add);
        return all;
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }

    /** The SMS requests a run needs: full speed for the warm-up and one phase, plus every fixed-rate phase. */
    int smsRequests() {
        long fixed = rates.stream().mapToLong(rate -> rate * duration.toSeconds()).sum();
        return Math.toIntExact(rateCap * (warmUp.toSeconds() + duration.toSeconds()) + fixed);
    }
}
