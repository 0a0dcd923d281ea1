package org.passerelle.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver's command line. */
class DriverOptionsTests {

    @Test
    void takesTheDefaultsOfAMeasuredRunWithoutOptions() {
        assertThat(DriverOptions.parse()).isEqualTo(DriverOptions.defaults());
        assertThat(DriverOptions.defaults().rates()).containsExactly(500, 1000, 2000);
    }

    @Test
    void readsEveryOptionOverTheQuickMode() {
        var options = DriverOptions.parse("--quick", "--app-jar", "x.jar", "--duration", "1.5", "--rates", "5, 10",
                "--concurrency", "3", "--senders", "40");

        assertThat(options.appJar()).isEqualTo(Path.of("x.jar"));
        assertThat(options.warmUp()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.duration()).isEqualTo(Duration.ofMillis(1500));
        assertThat(options.rates()).isEqualTo(List.of(5, 10));
        assertThat(options.concurrency()).isEqualTo(3);
        assertThat(options.senders()).isEqualTo(40);
    }

    @Test
    void startsTheExtractedJarWithTheOptionsTheCdsScriptWrote(@TempDir Path cds) throws Exception {
        Files.writeString(cds.resolve("java-options"), "-XX:SharedArchiveFile=" + cds.resolve("passerelle.jsa")
                + "\n-XX:+UseSerialGC\n");

        var options = DriverOptions.parse("--cds", cds.toString(), "--java-options", " -Xlog:disable  -Dx=y ");

        assertThat(options.appJar()).isEqualTo(cds.resolve("passerelle.jar"));
        assertThat(options.javaOptions()).containsExactly("-XX:SharedArchiveFile=" + cds.resolve("passerelle.jsa"),
                "-XX:+UseSerialGC", "-Xlog:disable", "-Dx=y");
        assertThat(DriverOptions.defaults().javaOptions()).isEmpty();
    }

    @Test
    void asksForTheCdsScriptWhenItsDirectoryHasNoOptions(@TempDir Path empty) {
        assertThatThrownBy(() -> DriverOptions.parse("--cds", empty.toString())).hasMessageContaining("scripts/cds")
                .hasMessageContaining("usage:");
    }

    @Test
    void refusesAnUnknownOptionOrANegativeRateWithTheUsage() {
        assertThatThrownBy(() -> DriverOptions.parse("--fast", "1")).hasMessageContaining("unknown option --fast")
                .hasMessageContaining("usage:");
        assertThatThrownBy(() -> DriverOptions.parse("--rates", "100,-5")).hasMessageContaining("positive");
        assertThatThrownBy(() -> DriverOptions.parse("--duration")).hasMessageContaining("missing value");
    }
}
