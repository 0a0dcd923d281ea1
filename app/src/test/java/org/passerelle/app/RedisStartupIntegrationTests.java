package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** How the application refuses to start on a Sentinel or cluster configuration it cannot use. */
@ExtendWith(OutputCaptureExtension.class)
class RedisStartupIntegrationTests {

    private static final String SECRET = "--passerelle.privacy.secret=a-long-shared-secret-for-every-instance-0123";
    private static final String KEY = "--passerelle.privacy.keys.k1=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    @TempDir
    Path dataDir;

    private void run(String... args) {
        var all = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--passerelle.data-dir=" + dataDir, SECRET, KEY));
        all.addAll(List.of(args));
        new SpringApplicationBuilder(PasserelleApplication.class).run(all.toArray(String[]::new)).close();
    }

    /** Spring Boot's failure report, from its banner on. */
    private static String report(CapturedOutput output) {
        var all = output.getAll();
        int start = all.indexOf("APPLICATION FAILED TO START");
        assertThat(start).as("a failure report").isNotNegative();
        return all.substring(start);
    }

    @Test
    void saysInOneLineThatOnlyOneRedisMayBeConfigured(CapturedOutput output) {
        assertThatThrownBy(() -> run("--passerelle.redis.url=redis://127.0.0.1:" + RedisNodes.freePort(),
                "--passerelle.redis.cluster.nodes=127.0.0.1:" + RedisNodes.freePort()))
                .hasRootCauseInstanceOf(StartupException.class);
        assertThat(output).contains("Passerelle cannot start: more than one Redis is configured: "
                        + "passerelle.redis.url, passerelle.redis.cluster.nodes")
                .contains("Set only one of")
                .doesNotContain("\\tat ").doesNotContain("\tat ");
    }

    @Test
    void saysInOneLineThatAClusterPrefixNeedsAHashTag(CapturedOutput output) {
        assertThatThrownBy(() -> run("--passerelle.redis.cluster.nodes=127.0.0.1:" + RedisNodes.freePort(),
                "--passerelle.redis.key-prefix=passerelle:"))
                .hasRootCauseInstanceOf(StartupException.class);
        assertThat(output).contains("Passerelle cannot start: passerelle.redis.key-prefix 'passerelle:' has no hash tag")
                .contains("{passerelle}:")
                .doesNotContain("\\tat ").doesNotContain("\tat ");
    }

    @Test
    void saysInOneLineThatTheSentinelsCannotBeReached(CapturedOutput output) {
        int sentinel = RedisNodes.freePort();
        assertThatThrownBy(() -> run("--passerelle.redis.sentinel.master=passerelle",
                "--passerelle.redis.sentinel.nodes=127.0.0.1:" + sentinel,
                "--passerelle.redis.sentinel.password=hidden-password",
                "--passerelle.redis.connect-timeout=200ms"))
                .isInstanceOf(RuntimeException.class);
        // Jedis warns, with its stack trace, about each Sentinel it could not ask; the report itself has none.
        assertThat(report(output)).contains("Passerelle cannot start: Redis at master 'passerelle' of the Sentinels "
                        + "[127.0.0.1:" + sentinel + "] cannot be reached")
                .doesNotContain("\\tat ").doesNotContain("\tat ");
        assertThat(output).doesNotContain("hidden-password");
    }

    @Test
    void saysInOneLineThatTheClusterCannotBeReached(CapturedOutput output) {
        int node = RedisNodes.freePort();
        assertThatThrownBy(() -> run("--passerelle.redis.cluster.nodes=127.0.0.1:" + node,
                "--passerelle.redis.cluster.password=hidden-password",
                "--passerelle.redis.connect-timeout=200ms"))
                .isInstanceOf(RuntimeException.class);
        assertThat(output).contains("Passerelle cannot start: Redis at the cluster of [127.0.0.1:" + node
                        + "] cannot be reached")
                .doesNotContain("hidden-password")
                .doesNotContain("\\tat ").doesNotContain("\tat ");
    }
}
