package org.passerelle.connectors.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.matching.UrlPattern;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.connectors.testkit.ConnectorHarness;
import org.passerelle.connectors.testkit.FixedNotice;
import org.passerelle.connectors.testkit.RecordingIntake;
import org.passerelle.core.channel.MessageIntake.Intake;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.store.RedisLease;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import redis.clients.jedis.JedisPooled;
import redis.embedded.RedisServer;

/**
 * Long polling shared through Redis: the lease holder polls a stand-in Bot API and passes the
 * updates through the stream to the intake exactly like the webhook would, and keeps the journal
 * path while Redis is away.
 */
class TelegramPollingTests {

    static final TelegramSettings.Polling FAST = new TelegramSettings.Polling(Duration.ofSeconds(3),
            Duration.ofSeconds(1), Duration.ofSeconds(1), 1_000, Duration.ofDays(1));
    /** As {@link #FAST}, with room for the fewest updates allowed. */
    static final TelegramSettings.Polling SMALL = new TelegramSettings.Polling(Duration.ofSeconds(3),
            Duration.ofSeconds(1), Duration.ofSeconds(1), 100, Duration.ofDays(1));
    private static final Clock CLOCK = Clock.fixed(TelegramContractTests.NOW, ZoneOffset.UTC);

    private final ConnectorHarness harness = new ConnectorHarness();
    private final AddressSealer texts = AddressSealer.forTexts(new byte[32]);
    private final List<SmartLifecycle> started = new ArrayList<>();

    @AfterEach
    void close() {
        started.forEach(SmartLifecycle::stop);
        harness.close();
    }

    /** The library spells some method paths in camel case and others in lower case. */
    private static UrlPattern method(String name) {
        return urlMatching("(?i)" + Pattern.quote("/bot" + TelegramContractTests.TOKEN + "/" + name));
    }

    private void stubApi(String... firstBatch) {
        var api = harness.api();
        api.stubFor(any(method("deleteWebhook")).willReturn(okJson("{\"ok\":true,\"result\":true}")));
        api.stubFor(any(method("answerCallbackQuery")).willReturn(okJson("{\"ok\":true,\"result\":true}")));
        api.stubFor(any(method("sendMessage")).willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":99,"
                + "\"date\":1772446531,\"chat\":{\"id\":" + TelegramContractTests.CHAT + ",\"type\":\"private\"}}}")));
        api.stubFor(any(method("getUpdates")).inScenario("poll").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"ok\":true,\"result\":[" + String.join(",", firstBatch) + "]}"))
                .willSetStateTo("empty"));
        api.stubFor(any(method("getUpdates")).inScenario("poll").whenScenarioStateIs("empty")
                .willReturn(okJson("{\"ok\":true,\"result\":[]}").withFixedDelay(100)));
    }

    private TelegramUpdates updates(FixedNotice notice) {
        var settings = new TelegramSettings(TelegramContractTests.TOKEN, harness.apiUrl(), TelegramSettings.Mode.POLLING,
                null);
        var client = new OkHttpTelegramClient(settings.token(), TelegramConfiguration.telegramUrl(settings.apiUrl()));
        return new TelegramUpdates(harness.intake(), notice, client, CLOCK);
    }

    private TelegramPolling polling(TelegramUpdates updates, TelegramPolling.PollingParts parts) {
        return polling(updates, parts, FAST);
    }

    private TelegramPolling polling(TelegramUpdates updates, TelegramPolling.PollingParts parts,
            TelegramSettings.Polling polling) {
        var settings = new TelegramSettings(TelegramContractTests.TOKEN, harness.apiUrl(), TelegramSettings.Mode.POLLING,
                null, polling);
        var client = new OkHttpTelegramClient(settings.token(), TelegramConfiguration.telegramUrl(settings.apiUrl()));
        return new TelegramPolling(updates, parts, client, settings);
    }

    private TelegramPolling.PollingParts parts(RedisStore store) {
        return new TelegramPolling.PollingParts(UpdateStream.lease(store, FAST.lease()),
                new UpdateStream(store, texts, FAST, CLOCK));
    }

    private <T extends SmartLifecycle> T started(T lifecycle) {
        lifecycle.start();
        started.add(lifecycle);
        return lifecycle;
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for: " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void handsPolledMessagesAndButtonPressesToTheIntakeThroughTheStream() throws InterruptedException {
        stubApi(TelegramPayloads.textUpdate(2001, "/start", ""), TelegramPayloads.callbackUpdate(2002, "menu"));
        var store = TestRedis.newStore();
        var parts = parts(store);
        var updates = updates(new FixedNotice());
        harness.captureLogs();

        started(polling(updates, parts));
        started(new StreamedUpdates(updates, parts.stream(), CLOCK));
        await("both updates taken", () -> harness.intake().received().size() == 2);
        await("the stream emptied", () -> store.call(jedis -> jedis.xlen(parts.stream().streamKey())) == 0);

        assertThat(harness.intake().received()).extracting(message -> message.text() + " " + message.channelMessageId())
                .containsExactly("start tg:2001", "menu tg:2002");
        assertThat(harness.intake().received()).allSatisfy(message ->
                assertThat(message.address()).isEqualTo(String.valueOf(TelegramContractTests.CHAT)));
        assertThat(parts.stream().offset()).hasValue(2003);
        assertThat(pollsPast(2002)).isPositive();
        started.forEach(SmartLifecycle::stop);
        harness.verifyClean(TelegramContractTests.TOKEN, String.valueOf(TelegramContractTests.CHAT));
    }

    @Test
    void keepsUpdatesSealedInTheStreamAndOnlyWhileTheLeaseIsHeld() {
        var store = TestRedis.newStore();
        var holder = UpdateStream.lease(store, FAST.lease());
        var other = UpdateStream.lease(store, FAST.lease());
        var stream = new UpdateStream(store, texts, FAST, CLOCK);
        assertThat(holder.tryAcquire()).isTrue();

        assertThat(stream.append(other, List.of(TelegramPayloads.textUpdate(2201, "secret words", "")), 2202))
                .isEqualTo(UpdateStream.Appended.LEASE_LOST);
        assertThat(stream.append(holder, List.of(TelegramPayloads.textUpdate(2201, "secret words", "")), 2202))
                .isEqualTo(UpdateStream.Appended.APPENDED);
        // An older batch passed on late never moves the offset back.
        assertThat(stream.append(holder, List.of(), 2100)).isEqualTo(UpdateStream.Appended.APPENDED);

        assertThat(stream.offset()).hasValue(2202);
        var entries = store.call(jedis -> jedis.xrange(stream.streamKey(), "-", "+"));
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.getFields().get("u")).startsWith("k:")
                    .doesNotContain("secret").doesNotContain(String.valueOf(TelegramContractTests.CHAT));
            assertThat(texts.open(entry.getFields().get("u"))).contains("secret words");
        });
        assertThat(store.<Long>call(jedis -> jedis.ttl(store.key("{telegram}", "poller")))).isBetween(1L, 3L);
    }

    @Test
    void refusesABatchWhileAsManyUpdatesAsItsBoundWaitAndKeepsTheOffset() {
        var store = TestRedis.newStore();
        var holder = UpdateStream.lease(store, SMALL.lease());
        var stream = new UpdateStream(store, texts, SMALL, CLOCK);
        assertThat(holder.tryAcquire()).isTrue();
        assertThat(stream.append(holder, updates(1, 99), 100)).isEqualTo(UpdateStream.Appended.APPENDED);
        // Below the bound, a whole batch goes in, even past it.
        assertThat(stream.append(holder, updates(100, 3), 103)).isEqualTo(UpdateStream.Appended.APPENDED);

        assertThat(stream.append(holder, updates(103, 1), 104)).isEqualTo(UpdateStream.Appended.FULL);

        assertThat(stream.offset()).hasValue(103);
        assertThat(store.<Long>call(jedis -> jedis.xlen(stream.streamKey()))).isEqualTo(102);
        var taken = stream.read("instance", 10, Duration.ofMillis(10));
        taken.forEach(entry -> stream.ack(entry.id()));
        assertThat(taken).first().satisfies(entry -> assertThat(entry.json()).contains("\"update_id\":1,"));
        assertThat(stream.append(holder, updates(103, 1), 104)).isEqualTo(UpdateStream.Appended.APPENDED);
        assertThat(stream.offset()).hasValue(104);
    }

    @Test
    void pollingWaitsWhileTheStreamIsFullAndLosesNoUpdate() throws InterruptedException {
        var store = TestRedis.newStore();
        var parts = new TelegramPolling.PollingParts(UpdateStream.lease(store, SMALL.lease()),
                new UpdateStream(store, texts, SMALL, CLOCK));
        // No instance took the last hundred updates yet.
        var earlier = UpdateStream.lease(store, SMALL.lease());
        assertThat(earlier.tryAcquire()).isTrue();
        assertThat(parts.stream().append(earlier, updates(1, 100), 101)).isEqualTo(UpdateStream.Appended.APPENDED);
        earlier.release();
        // The Bot API gives update 2501 until a request acknowledges it.
        var api = harness.api();
        api.stubFor(any(method("deleteWebhook")).willReturn(okJson("{\"ok\":true,\"result\":true}")));
        api.stubFor(any(method("getUpdates")).atPriority(5).willReturn(
                okJson("{\"ok\":true,\"result\":[" + TelegramPayloads.textUpdate(2501, "aidez-moi", "") + "]}")));
        api.stubFor(any(method("getUpdates")).atPriority(1).withRequestBody(containing("\"offset\":2502"))
                .willReturn(okJson("{\"ok\":true,\"result\":[]}").withFixedDelay(100)));
        var updates = updates(new FixedNotice());
        harness.captureLogs();

        var polling = started(polling(updates, parts, SMALL));
        await("the stream found full", () -> harness.logs().linesAtInfoOrAbove().stream()
                .anyMatch(line -> line.contains("Telegram polling waits")));
        // While the stream stays full, polling asks Redis for room, not Telegram for the same update.
        Thread.sleep(2_500);

        assertThat(api.findAll(anyRequestedFor(method("getUpdates")))).hasSize(1);
        assertThat(parts.stream().offset()).hasValue(101);
        assertThat(store.<Long>call(jedis -> jedis.xlen(parts.stream().streamKey()))).isEqualTo(100);
        assertThat(pollsPast(2501)).isZero();
        assertThat(harness.logs().linesAtInfoOrAbove()).anySatisfy(line -> assertThat(line).contains("Telegram polling waits"));

        started(new StreamedUpdates(updates, parts.stream(), CLOCK));
        await("every update taken", () -> harness.intake().received().size() == 101);
        await("update 2501 acknowledged", () -> pollsPast(2501) > 0);

        assertThat(harness.intake().received()).extracting(message -> message.channelMessageId())
                .doesNotHaveDuplicates().endsWith("tg:2501");
        assertThat(polling.holdsLease()).isTrue();
    }

    /** Text updates numbered from {@code first}, in order. */
    private static List<String> updates(int first, int count) {
        var updates = new ArrayList<String>();
        for (int id = first; id < first + count; id++) {
            updates.add(TelegramPayloads.textUpdate(id, "message " + id, ""));
        }
        return updates;
    }

    @Test
    void goesOnWhenAnUpdateHeldByAnInstanceThatDiedLeftTheStream() throws InterruptedException {
        var store = TestRedis.newStore();
        var holder = UpdateStream.lease(store, FAST.lease());
        var stream = new UpdateStream(store, texts, FAST, CLOCK);
        assertThat(holder.tryAcquire()).isTrue();
        assertThat(stream.append(holder, List.of(TelegramPayloads.textUpdate(2401, "first", ""),
                TelegramPayloads.textUpdate(2402, "second", "")), 2403)).isEqualTo(UpdateStream.Appended.APPENDED);
        var taken = stream.read("dead", 10, Duration.ofMillis(10));
        assertThat(taken).hasSize(2);
        // The instance that took both dies; meanwhile the first leaves the stream (past its
        // retention) while still on the group's pending list.
        store.call(jedis -> jedis.xdel(stream.streamKey(), taken.get(0).id()));
        Thread.sleep(FAST.claimIdle().toMillis() + 100);

        var claimed = stream.read("alive", 10, Duration.ofMillis(10));

        assertThat(claimed).singleElement().satisfies(entry -> assertThat(entry.json()).contains("second"));
        stream.ack(claimed.get(0).id());
        assertThat(store.<Long>call(jedis -> jedis.xpending(stream.streamKey(), UpdateStream.GROUP).getTotal()))
                .isZero();
        assertThat(stream.read("alive", 10, Duration.ofMillis(10))).isEmpty();
    }

    @Test
    void renewsOnlyItsOwnLeaseAndAnotherTakesItOnceItLapses() throws InterruptedException {
        var store = TestRedis.newStore();
        var first = UpdateStream.lease(store, FAST.lease());
        var second = UpdateStream.lease(store, FAST.lease());

        assertThat(first.tryAcquire()).isTrue();
        assertThat(second.tryAcquire()).isFalse();
        assertThat(second.renew()).isFalse();
        second.release();
        assertThat(first.renew()).isTrue();

        // The first holder dies: it renews no more, and the lease lapses on Redis' clock alone.
        await("the lease lapsed and was taken", second::tryAcquire);
        assertThat(first.renew()).isFalse();
        first.release();
        assertThat(store.<String>call(jedis -> jedis.get(second.key()))).isEqualTo(second.token());
    }

    @Test
    void onlyTheHolderPollsAndAnotherInstanceTakesOverWhenItStops() throws InterruptedException {
        stubApi(TelegramPayloads.textUpdate(2301, "bonjour", ""));
        var store = TestRedis.newStore();
        var updates = updates(new FixedNotice());
        var firstParts = parts(store);
        var secondParts = parts(store);
        var first = started(polling(updates, firstParts));
        var second = started(polling(updates, secondParts));
        started(new StreamedUpdates(updates, firstParts.stream(), CLOCK));

        await("one instance polls", () -> first.holdsLease() || second.holdsLease());
        await("the first update taken", () -> harness.intake().received().size() == 1);
        var holder = first.holdsLease() ? first : second;
        var other = holder == first ? second : first;
        assertThat(other.holdsLease()).isFalse();

        long pastBefore = pollsPast(2301);
        holder.stop();
        await("the other instance polls", other::holdsLease);
        // The new holder never polled before: it asks from the offset kept in Redis.
        await("the other instance asks from the kept offset", () -> pollsPast(2301) > pastBefore);
        assertThat(harness.intake().received()).hasSize(1);
    }

    @Test
    void anUpdateLeftByADeadInstanceIsTakenByAnother() throws InterruptedException {
        var store = TestRedis.newStore();
        var parts = parts(store);
        assertThat(parts.lease().tryAcquire()).isTrue();
        parts.stream().append(parts.lease(), List.of(TelegramPayloads.textUpdate(2401, "aide", "")), 2402);
        // An instance reads it and dies before taking it.
        assertThat(parts.stream().read("instance-dead", 10, Duration.ofMillis(10))).hasSize(1);

        started(new StreamedUpdates(updates(new FixedNotice()), parts.stream(), CLOCK));

        await("the update claimed after the claim delay", () -> harness.intake().received().size() == 1);
        assertThat(harness.intake().received().get(0).channelMessageId()).isEqualTo("tg:2401");
        await("the stream emptied", () -> store.call(jedis -> jedis.xlen(parts.stream().streamKey())) == 0);
    }

    @Test
    void whileRedisIsAwayTheHolderHandsUpdatesToTheJournalAndAsksForMoreOnlyOnceOneIsKept() throws Exception {
        int port = TestRedis.freePort();
        var dir = Files.createTempDirectory("telegram-polling-redis");
        var redis = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                .setting("dir \"" + dir + "\"").setting("save \"\"").build();
        redis.start();
        try (var store = new RedisStore(new JedisPooled("127.0.0.1", port), "outage:")) {
            var notice = new FixedNotice();
            var polling = started(polling(updates(notice), parts(store)));
            await("the lease taken", polling::holdsLease);
            harness.api().stubFor(any(method("getUpdates")).willReturn(okJson("{\"ok\":true,\"result\":[]}")));
            stop(redis);
            // Neither the store nor the journal can take it at first.
            harness.intake().mode(RecordingIntake.Mode.STORE_DOWN);
            harness.api().resetAll();
            stubApi(TelegramPayloads.textUpdate(2101, "bonjour", ""));

            await("the update tried twice", () -> harness.intake().received().size() >= 2);
            assertThat(pollsPast(2101)).isZero();
            harness.intake().mode(RecordingIntake.Mode.JOURNALED);
            await("the next request acknowledges it", () -> pollsPast(2101) > 0);

            assertThat(polling.holdsLease()).isTrue();
            assertThat(harness.intake().answers()).containsExactly(Intake.JOURNALED);
            assertThat(harness.api().findAll(anyRequestedFor(method("sendMessage")))).singleElement()
                    .satisfies(request -> assertThat(request.getBodyAsString()).contains("17, 112, SMS 114"));
            assertThat(notice.hints()).containsExactly("null");
        } finally {
            stop(redis);
        }
    }

    private static void stop(RedisServer redis) throws IOException {
        if (redis.isActive()) {
            redis.stop();
        }
    }

    /** The requests for updates that acknowledge this one (their offset is past it). */
    private long pollsPast(int updateId) {
        return harness.api().findAll(anyRequestedFor(method("getUpdates"))).stream()
                .filter(request -> request.getBodyAsString().contains("\"offset\":" + (updateId + 1)))
                .count();
    }
}
