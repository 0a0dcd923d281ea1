package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.Reply;
import org.passerelle.core.outbox.Outbox;
import org.passerelle.core.privacy.Pseudonymizer;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import redis.embedded.RedisServer;

/**
 * Two instances on one Redis: her page's event stream is open on the second, while the first
 * holds the outbox lease and sends a mediator's messages. They reach her stream, once each and
 * in their order.
 */
class WebChatTwoInstancesIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    private RedisServer redis;
    private int redisPort;
    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;

    @BeforeEach
    void start() throws IOException {
        redisPort = TestRedis.freePort();
        redis = RedisServer.newRedisServer().bind("127.0.0.1").port(redisPort).setting("save \"\"").build();
        redis.start();
        first = instance("a");
        // The first instance sends the outbox: the second starts once it holds the lease.
        awaitThat(() -> outboxSender() != null);
        second = instance("b");
    }

    @AfterEach
    void stop() throws IOException {
        for (var app : new ConfigurableApplicationContext[] {second, first}) {
            if (app != null) {
                app.close();
            }
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void aMediatorsMessagesSentByOneInstanceReachHerStreamOnTheOther() throws Exception {
        var she = new WebChatClient(port(first));
        she.say("start");
        var id = she.conversationId();
        var holder = outboxSender();
        try (var events = WebChatEvents.open(new WebChatClient(port(second)), id)) {
            var pseudonym = first.getBean(Pseudonymizer.class).pseudonym(Channel.WEBCHAT, id);
            first.getBean(Outbox.class).enqueue(pseudonym, Channel.WEBCHAT, id,
                    List.of(Reply.text("Bonjour, je suis Awa, médiatrice."), Reply.text("Je suis là jusqu'à 18 h.")));

            var received = events.awaitContaining("18 h", Duration.ofSeconds(15));
            // Both left the outbox as sent: nothing is left to be tried again.
            awaitThat(() -> outboxLength() == 0);
            assertThat(received).containsExactly("Bonjour, je suis Awa, médiatrice.", "Je suis là jusqu'à 18 h.");
            assertThat(outboxSender()).as("the first instance sent them").isEqualTo(holder);
        }
    }

    private ConfigurableApplicationContext instance(String name) throws IOException {
        var data = Files.createDirectories(dataDir.resolve(name));
        return new SpringApplicationBuilder(PasserelleApplication.class).run("--server.port=0",
                "--spring.main.banner-mode=off", "--passerelle.data-dir=" + data,
                "--passerelle.redis.url=redis://127.0.0.1:" + redisPort,
                // Every instance needs the same sealing keys and pseudonym secret.
                "--passerelle.privacy.secret=a-long-random-secret-for-the-web-chat-instances-test",
                "--passerelle.privacy.keys.k1=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "--logging.level.org.passerelle=WARN");
    }

    private String outboxSender() {
        var store = first.getBean(RedisStore.class);
        return store.call(jedis -> jedis.get(store.key("outbox", "sender")));
    }

    private long outboxLength() {
        var store = first.getBean(RedisStore.class);
        return store.call(jedis -> jedis.xlen(store.key("outbox")));
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private static void awaitThat(java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited too long").isLessThan(end);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
