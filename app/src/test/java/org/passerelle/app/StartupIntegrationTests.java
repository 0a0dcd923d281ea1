package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.core.store.TestRedis;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** How the application starts, and how it refuses to start, on each kind of Redis. */
@ExtendWith(OutputCaptureExtension.class)
class StartupIntegrationTests {

    private static final String SECRET = "--passerelle.privacy.secret=a-long-shared-secret-for-every-instance-0123";
    private static final String KEY = "--passerelle.privacy.keys.k1=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    @TempDir
    Path dataDir;

    private static void run(String... args) {
        new SpringApplicationBuilder(PasserelleApplication.class).run(args).close();
    }

    @Test
    void saysInOneLineThatTheDataDirectoryCannotBeWritten(CapturedOutput output) throws Exception {
        var notADirectory = Files.writeString(dataDir.resolve("a-file"), "x");
        assertThatThrownBy(() -> run("--server.port=0", "--passerelle.data-dir=" + notADirectory))
                .hasRootCauseInstanceOf(java.nio.file.FileSystemException.class);
        assertThat(output).contains("Passerelle cannot start: the data directory " + notADirectory)
                .contains("cannot be written")
                .contains("passerelle.data-dir")
                .doesNotContain("\\tat ").doesNotContain("\tat ");
    }

    @Test
    void saysInOneLineThatRedisCannotBeReached(CapturedOutput output) {
        var url = "redis://user:hidden-password@127.0.0.1:" + TestRedis.freePort();
        assertThatThrownBy(() -> run("--server.port=0", "--passerelle.redis.url=" + url, SECRET, KEY))
                .isInstanceOf(RuntimeException.class);
        assertThat(output).contains("Passerelle cannot start: Redis at redis://127.0.0.1:")
                .contains("cannot be reached")
                .doesNotContain("hidden-password")
                .doesNotContain("\\tat ").doesNotContain("\tat ");
    }

    @Test
    void asksForASharedSecretWithAnExternalRedis(CapturedOutput output) {
        var url = "redis://127.0.0.1:" + TestRedis.port();
        assertThatThrownBy(() -> run("--server.port=0", "--passerelle.redis.url=" + url, KEY))
                .isInstanceOf(RuntimeException.class);
        assertThat(output).contains("passerelle.privacy.secret is not set");
    }

    @Test
    void asksForSealingKeysWithAnExternalRedis(CapturedOutput output) {
        var url = "redis://127.0.0.1:" + TestRedis.port();
        assertThatThrownBy(() -> run("--server.port=0", "--passerelle.redis.url=" + url, SECRET,
                "--passerelle.data-dir=" + dataDir))
                .isInstanceOf(RuntimeException.class);
        assertThat(output).contains("Passerelle cannot start: no sealing key is set")
                .contains("PASSERELLE_PRIVACY_KEYS_K1")
                .doesNotContain("\tat ").doesNotContain("	at ");
        assertThat(dataDir.resolve("keys")).doesNotExist();
    }

    @Test
    void usesAnExternalRedisWhenItsUrlIsSet() {
        var url = "redis://127.0.0.1:" + TestRedis.port();
        try (var context = new SpringApplicationBuilder(PasserelleApplication.class)
                .run("--server.port=0", "--passerelle.redis.url=" + url, SECRET, KEY,
                        "--passerelle.redis.key-prefix=external-test:", "--passerelle.data-dir=" + dataDir)) {
            var port = ((WebServerApplicationContext) context).getWebServer().getPort();
            var she = new WebChatClient(port);
            she.say("start");
            var health = WebChatClient.json(she.get("/actuator/health").body());
            assertThat(health.at("/components/redis/status").asString()).isEqualTo("UP");
            var keys = new redis.clients.jedis.JedisPooled("127.0.0.1", TestRedis.port()).keys("external-test:conv:*");
            assertThat(keys).hasSize(1);
        }
        // No embedded server, so nothing written in the data directory.
        assertThat(dataDir.resolve("redis")).doesNotExist();
    }
}
