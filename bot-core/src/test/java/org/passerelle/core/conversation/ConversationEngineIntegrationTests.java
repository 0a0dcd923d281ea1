package org.passerelle.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.content.load.ContentLoader;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.InboundMessage;
import org.passerelle.core.privacy.Pseudonymizer;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

/** The engine's turn ordering, flood limit and state on a real Redis. */
class ConversationEngineIntegrationTests {

    private static final ContentCatalog CONTENT = ContentLoader.fromClasspath();
    private static final Pseudonymizer PSEUDONYMS = TestEngines.PSEUDONYMS;
    private static final Clock CLOCK = Clock.systemUTC();

    private final RedisStore store = TestRedis.newStore();
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger mostInside = new AtomicInteger();

    @AfterEach
    void close() {
        store.close();
    }

    private ConversationEngine engine(Supplier<ContentCatalog> content, EngineSettings settings) {
        return TestEngines.engine(content, store, settings, CLOCK);
    }

    /** Content that takes its time and counts the turns running at once. */
    private Supplier<ContentCatalog> slowContent(long millis) {
        return () -> {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inside.decrementAndGet();
            return CONTENT;
        };
    }

    private static InboundMessage message(String address, String text) {
        return new InboundMessage(Channel.WEBCHAT, address, text, "id", CLOCK.instant());
    }

    @Test
    void handlesTwoConcurrentMessagesOfOnePersonOneAfterTheOther() throws Exception {
        var engine = engine(slowContent(150), EngineSettings.defaults());
        engine.handle(message("same", "hello"));
        engine.handle(message("same", "lang:en"));

        var pool = Executors.newFixedThreadPool(2);
        try {
            var start = new CountDownLatch(1);
            var first = pool.submit(() -> {
                start.await();
                return engine.handle(message("same", "nonsense one"));
            });
            var second = pool.submit(() -> {
                start.await();
                return engine.handle(message("same", "nonsense two"));
            });
            mostInside.set(0);
            start.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).replies()).isNotEmpty();
            assertThat(second.get(10, TimeUnit.SECONDS).replies()).isNotEmpty();
        } finally {
            pool.shutdownNow();
        }
        assertThat(mostInside.get()).isEqualTo(1);
        // Both misses counted: neither turn overwrote the other's state.
        var id = PSEUDONYMS.pseudonym(Channel.WEBCHAT, "same");
        assertThat(store.<String>call(j -> j.hget(store.key("conv", id), "misses"))).isEqualTo("2");
    }

    @Test
    void handlesDifferentPeopleInParallel() throws Exception {
        var bothInside = new CountDownLatch(2);
        var engine = engine(() -> {
            bothInside.countDown();
            try {
                // Each turn waits until the other one is inside too: only parallel turns finish.
                assertThat(bothInside.await(5, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CONTENT;
        }, EngineSettings.defaults());
        var pool = Executors.newFixedThreadPool(2);
        try {
            var one = pool.submit(() -> engine.handle(message("one", "hello")));
            var two = pool.submit(() -> engine.handle(message("two", "hello")));
            assertThat(one.get(10, TimeUnit.SECONDS).replies()).isNotEmpty();
            assertThat(two.get(10, TimeUnit.SECONDS).replies()).isNotEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesATurnThatWaitsLongerThanTheLockWait() throws Exception {
        var settings = new EngineSettings(Duration.ofDays(1), Duration.ofSeconds(10), Duration.ofMillis(100), 2000, 30, Duration.ofHours(12));
        var engine = engine(slowContent(1000), settings);
        var pool = Executors.newSingleThreadExecutor();
        try {
            var slow = pool.submit(() -> engine.handle(message("busy", "hello")));
            while (inside.get() == 0) {
                Thread.sleep(5);
            }
            assertThatThrownBy(() -> engine.handle(message("busy", "again")))
                    .isInstanceOf(ConversationBusyException.class);
            assertThat(slow.get(10, TimeUnit.SECONDS).replies()).isNotEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesAFloodFromOneSenderButNotOthers() {
        var settings = new EngineSettings(Duration.ofDays(1), Duration.ofSeconds(10), Duration.ofSeconds(1), 2000, 3, Duration.ofHours(12));
        var engine = engine(() -> CONTENT, settings);
        for (int i = 0; i < 3; i++) {
            engine.handle(message("flood", "hello"));
        }
        assertThatThrownBy(() -> engine.handle(message("flood", "hello")))
                .isInstanceOf(TooManyMessagesException.class);
        assertThat(engine.handle(message("calm", "hello")).replies()).isNotEmpty();
    }

    @Test
    void answersACallForHelpEvenPastTheFloodLimit() {
        var settings = new EngineSettings(Duration.ofDays(1), Duration.ofSeconds(10), Duration.ofSeconds(1), 2000, 3, Duration.ofHours(12));
        var engine = engine(() -> CONTENT, settings);
        for (int i = 0; i < 3; i++) {
            engine.handle(message("flooding", "hello"));
        }

        var help = engine.handle(message("flooding", "au secours il me frappe"));

        assertThat(help.replies()).isNotEmpty();
        assertThat(help.replies().get(0).text()).contains("17");
        assertThatThrownBy(() -> engine.handle(message("flooding", "hello")))
                .isInstanceOf(TooManyMessagesException.class);
    }

    @Test
    void keepsStateForANewEngineOnTheSameRedisAndExpiresIt() {
        engine(() -> CONTENT, EngineSettings.defaults()).handle(message("kept", "hello"));
        var again = engine(() -> CONTENT, EngineSettings.defaults());
        again.handle(message("kept", "lang:en"));
        var turn = again.handle(message("kept", "1"));
        assertThat(turn.replies().get(0).text()).isEqualTo(CONTENT.ui(Language.EN, "topics.title"));
        assertThat(again.knows(Channel.WEBCHAT, "kept")).isTrue();
        assertThat(again.knows(Channel.WEBCHAT, "never-seen")).isFalse();

        var id = PSEUDONYMS.pseudonym(Channel.WEBCHAT, "kept");
        long ttl = store.call(j -> j.ttl(store.key("conv", id)));
        assertThat(ttl).isBetween(Duration.ofDays(29).toSeconds(), Duration.ofDays(30).toSeconds());
    }
}
