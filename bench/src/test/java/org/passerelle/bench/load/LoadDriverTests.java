package org.passerelle.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The load driver end to end in its quick mode, against the application packaged by this build:
 * no timing is asserted, only that every phase ran, every request was answered with success at
 * a low rate and every figure is there.
 */
class LoadDriverTests {

    private static final Path APP = Path.of("..", "app", "target", "passerelle.jar");

    private static DriverReport run;

    @BeforeAll
    static void runQuickly() {
        run = new LoadDriver(DriverOptions.quick(APP)).run();
    }

    @Test
    void measuresEveryPhaseWithoutErrorsInItsQuickMode() {
        assertThat(run.startUp()).isPositive();
        assertThat(run.models()).as("a fresh data directory and no model cache given")
                .startsWith("intent models of 8 languages trained in ");
        assertThat(run.phases()).allSatisfy(phase -> {
            assertThat(phase.requests()).as(phase.name()).isPositive();
            assertThat(phase.latencies().getTotalCount()).as(phase.name()).isEqualTo(phase.requests());
        });
        assertThat(run.applicationErrors()).isZero();
        assertThat(run.fixedRates()).extracting(PhaseResult::name)
                .containsExactly("SMS webhook at 20 msg/s", "web chat API at 20 msg/s");
        assertThat(run.fixedRates()).allSatisfy(phase -> assertThat(phase.requests()).isEqualTo(60));
        assertThat(run.roundTripsPerTurn()).isPositive();
        assertThat(run.redis().errors()).isZero();
        assertThat(run.repliesSent()).as("replies sent through the Twilio stand-in").isPositive();
        assertThat(run.survived()).isTrue();
        assertThat(run.noop().memory().heapCommitted()).isPositive();
        assertThat(run.sms().memory().rss()).isPositive();
    }

    @Test
    void printsTheFiguresAndEveryTargetAsMarkdown() {
        var markdown = Report.markdown(run);

        assertThat(markdown).contains("| no-op webhook, full speed | ", "| SMS webhook, full speed | ",
                "| web chat API at 20 msg/s | ", "| Redis: single round trips (Jedis GET loop) | ");
        assertThat(markdown).contains("≥ 3000 msg/s sustained", "p99 ≤ 20 ms at 1000 msg/s", "≥ 50 % of the no-op",
                "≤ 4 Redis round trips per turn", "-Xmx256m", "start-up to ready ≤ 6 s");
        assertThat(markdown).contains(run.models());
        assertThat(markdown).contains("Replies the application sent to the Twilio stand-in during the run: "
                + run.repliesSent() + "\n");
        assertThat(markdown.lines().filter(line -> line.endsWith("| PASS |") || line.endsWith("| FAIL |")))
                .hasSize(5);
    }
}
