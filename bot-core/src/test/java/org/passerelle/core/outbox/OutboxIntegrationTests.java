package org.passerelle.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.ChannelSender;
import org.passerelle.core.channel.Option;
import org.passerelle.core.channel.OutboundMessage;
import org.passerelle.core.channel.Reply;
import org.passerelle.core.channel.SendFailure;
import org.passerelle.core.channel.SendResult;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;

/** The outbox on a real Redis: order, retries, dead letters, crash recovery, no double send. */
class OutboxIntegrationTests {

    private static final byte[] SECRET = "a test secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8);
    private static final AddressSealer SEALER = new AddressSealer(SECRET);
    private static final AddressSealer TEXTS = AddressSealer.forTexts(SECRET);
    private static final OutboxSealers SEALERS = new OutboxSealers(SEALER, TEXTS);
    private static final OutboxSettings FAST = new OutboxSettings(50, Duration.ofMillis(30), 3,
            Duration.ofMillis(20), Duration.ofMillis(100), Map.of(), Map.of());

    private final RedisStore store = TestRedis.newStore();
    private final List<String> stopped = Collections.synchronizedList(new ArrayList<>());
    private final Outbox outbox = new Outbox(store, SEALERS, FAST, Clock.systemUTC(), stopped::add);

    @AfterEach
    void close() {
        store.close();
    }

    /** A sender that records what it sent and answers as told. */
    private static final class Recording implements ChannelSender {
        final List<OutboundMessage> sent = Collections.synchronizedList(new ArrayList<>());
        final Function<OutboundMessage, SendResult> answer;

        Recording(Function<OutboundMessage, SendResult> answer) {
            this.answer = answer;
        }

        @Override
        public Channel channel() {
            return Channel.TELEGRAM;
        }

        @Override
        public SendResult send(OutboundMessage message) {
            var result = answer.apply(message);
            if (result.ok()) {
                sent.add(message);
            }
            return result;
        }

        List<String> texts() {
            return sent.stream().map(m -> m.reply().text()).toList();
        }
    }

    private void deliverUntil(Recording sender, int count, String consumer) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sender.sent.size() < count && System.nanoTime() < deadline) {
            outbox.deliver(Map.of(Channel.TELEGRAM, sender), consumer);
            Thread.sleep(10);
        }
    }

    @Test
    void sendsTheRepliesOfATurnInOrderAndOnlyOnce() throws Exception {
        var sender = new Recording(m -> SendResult.sent());
        outbox.enqueue("conv-1", Channel.TELEGRAM, "4242", List.of(Reply.text("one"),
                new Reply("two", List.of(new Option("menu", "Menu principal")))));
        deliverUntil(sender, 2, "a");
        Thread.sleep(80);
        outbox.deliver(Map.of(Channel.TELEGRAM, sender), "a");

        assertThat(sender.texts()).containsExactly("one", "two");
        assertThat(sender.sent.get(0).address()).isEqualTo("4242");
        assertThat(sender.sent.get(1).reply().options()).containsExactly(new Option("menu", "Menu principal"));
    }

    @Test
    void sendsOnceASenderThatFailsTwiceThenSucceedsAndKeepsTheOrder() throws Exception {
        var calls = new AtomicInteger();
        var sender = new Recording(m -> m.reply().text().equals("first") && calls.incrementAndGet() <= 2
                ? SendResult.failed(SendFailure.CONNECTION_FAILED, "down")
                : SendResult.sent());
        outbox.enqueue("conv-2", Channel.TELEGRAM, "77", List.of(Reply.text("first"), Reply.text("second")));
        deliverUntil(sender, 2, "a");
        Thread.sleep(100);
        outbox.deliver(Map.of(Channel.TELEGRAM, sender), "a");

        assertThat(calls.get()).isEqualTo(3);
        assertThat(sender.texts()).containsExactly("first", "second");
        assertThat(outbox.deadLetters(10)).isEmpty();
    }

    @Test
    void retriesASplitReplyFromThePartThatFailedSoNoPartLeavesTwice() throws Exception {
        var parts = Collections.synchronizedList(new ArrayList<String>());
        var failures = new AtomicInteger();
        // A channel that sends "a|b|c" as three parts and drops the line once at the second part.
        ChannelSender splitting = new ChannelSender() {
            @Override
            public Channel channel() {
                return Channel.TELEGRAM;
            }

            @Override
            public SendResult send(OutboundMessage message) {
                var all = message.reply().text().split("\\|");
                for (int i = message.firstPart(); i < all.length; i++) {
                    if (i == 1 && failures.getAndIncrement() == 0) {
                        return SendResult.failedAfter(SendFailure.CONNECTION_FAILED, "reset", i);
                    }
                    parts.add(all[i]);
                }
                return SendResult.sent();
            }
        };
        outbox.enqueue("conv-10", Channel.TELEGRAM, "15", List.of(Reply.text("a|b|c")));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (parts.size() < 3 && System.nanoTime() < deadline) {
            outbox.deliver(Map.of(Channel.TELEGRAM, splitting), "a");
            Thread.sleep(10);
        }
        Thread.sleep(80);
        outbox.deliver(Map.of(Channel.TELEGRAM, splitting), "a");
        assertThat(parts).containsExactly("a", "b", "c");
    }

    @Test
    void recoversAnEntryLeftByACrashedConsumerWithoutSendingItTwice() throws Exception {
        outbox.deliver(Map.of(), "warm-up");
        outbox.enqueue("conv-3", Channel.TELEGRAM, "99", List.of(Reply.text("sent before the crash")));
        // Consumer "a" takes the entry, sends it and records it, then dies before acknowledging.
        var taken = store.call(jedis -> jedis.xreadGroup("senders", "a", XReadGroupParams.xReadGroupParams().count(1),
                Map.of(store.key("outbox"), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY)));
        var id = taken.get(0).getValue().get(0).getFields().get("id");
        store.call(jedis -> jedis.set(store.key("outbox", "sent", id), "1"));

        var sender = new Recording(m -> SendResult.sent());
        Thread.sleep(60);
        outbox.deliver(Map.of(Channel.TELEGRAM, sender), "b");
        assertThat(sender.sent).isEmpty();
        long pending = store.call(jedis -> jedis.xpending(store.key("outbox"), "senders").getTotal());
        assertThat(pending).isZero();
    }

    @Test
    void takesOverTheEntriesOfAConsumerThatDiedBeforeSending() throws Exception {
        outbox.deliver(Map.of(), "warm-up");
        outbox.enqueue("conv-4", Channel.TELEGRAM, "55", List.of(Reply.text("never sent by a")));
        store.call(jedis -> jedis.xreadGroup("senders", "a", XReadGroupParams.xReadGroupParams().count(1),
                Map.of(store.key("outbox"), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY)));
        var sender = new Recording(m -> SendResult.sent());
        deliverUntil(sender, 1, "b");
        assertThat(sender.texts()).containsExactly("never sent by a");
    }

    @Test
    void givesUpOnRepeatedRetryableFailuresIntoTheDeadLetters() throws Exception {
        var sender = new Recording(m -> SendResult.failed(SendFailure.THROTTLED, "429"));
        outbox.enqueue("conv-5", Channel.TELEGRAM, "11", List.of(Reply.text("never goes")));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (outbox.deadLetters(10).isEmpty() && System.nanoTime() < deadline) {
            outbox.deliver(Map.of(Channel.TELEGRAM, sender), "a");
            Thread.sleep(10);
        }
        assertThat(outbox.deadLetters(10)).singleElement().satisfies(dead -> {
            assertThat(dead.conversationId()).isEqualTo("conv-5");
            assertThat(dead.reason()).startsWith("THROTTLED");
            assertThat(dead.attempts()).isEqualTo(3);
        });
        assertThat(stopped).isEmpty();
    }

    @Test
    void waitsAsLongAsTheChannelAsksBeforeTryingAgain() throws Exception {
        var calls = new AtomicInteger();
        var sender = new Recording(m -> calls.incrementAndGet() == 1
                ? SendResult.throttled("429", Duration.ofMillis(400))
                : SendResult.sent());
        outbox.enqueue("conv-11", Channel.TELEGRAM, "16", List.of(Reply.text("later")));
        long start = System.nanoTime();
        deliverUntil(sender, 1, "a");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void stopsAtOnceForAContactWhoBlockedUsAndTellsTheEngine() throws Exception {
        var sender = new Recording(m -> SendResult.failed(SendFailure.CONTACT_STOPPED, "403 blocked"));
        outbox.enqueue("conv-6", Channel.TELEGRAM, "12", List.of(Reply.text("a"), Reply.text("b")));
        outbox.deliver(Map.of(Channel.TELEGRAM, sender), "a");
        assertThat(stopped).contains("conv-6");
        assertThat(outbox.deadLetters(10)).hasSize(2).allSatisfy(d -> assertThat(d.reason()).startsWith("CONTACT_STOPPED"));
    }

    @Test
    void setsAsideAReplyForAChannelWithNoSender() {
        outbox.enqueue("conv-9", Channel.WHATSAPP, "14", List.of(Reply.text("nowhere to go")));
        outbox.deliver(Map.of(), "a");
        assertThat(outbox.deadLetters(10)).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("no sender for channel whatsapp"));
    }

    @Test
    void deletesWhatIsDoneWithAtOnceAndWhatWaitsAfterTwoDays() {
        var later = new Outbox(store, SEALERS, FAST, java.time.Clock.offset(Clock.systemUTC(), Duration.ofDays(3)),
                stopped::add);
        outbox.enqueue("conv-12", Channel.TELEGRAM, "17", List.of(Reply.text("old")));
        outbox.enqueue("conv-13", Channel.SMS, "18", List.of(Reply.text("waiting")));
        var down = new Recording(m -> SendResult.failed(SendFailure.CONNECTION_FAILED, "down"));
        outbox.deliver(Map.of(Channel.SMS, down), "a");
        outbox.trim();
        // Given up on, the first left the stream at once; the second waits for its retry.
        assertThat(store.<Long>call(jedis -> jedis.xlen(store.key("outbox")))).isEqualTo(1L);
        assertThat(store.<Long>call(jedis -> jedis.xlen(store.key("outbox", "dead")))).isEqualTo(1L);
        later.trim();
        assertThat(store.<Long>call(jedis -> jedis.xlen(store.key("outbox")))).isZero();
        assertThat(store.<Long>call(jedis -> jedis.xlen(store.key("outbox", "dead")))).isZero();
    }

    @Test
    void goesOnSendingWhenAReplyWaitingForItsRetryLeftTheStreamAfterTwoDays() throws Exception {
        var later = new Outbox(store, SEALERS, FAST, Clock.offset(Clock.systemUTC(), Duration.ofDays(3)),
                stopped::add);
        outbox.enqueue("conv-14", Channel.TELEGRAM, "19", List.of(Reply.text("given up after two days")));
        outbox.deliver(Map.of(Channel.TELEGRAM, new Recording(m -> SendResult.failed(SendFailure.CONNECTION_FAILED,
                "down"))), "a");
        later.trim();
        outbox.enqueue("conv-15", Channel.TELEGRAM, "20", List.of(Reply.text("sent")));
        Thread.sleep(FAST.claimIdle().toMillis() + 50);

        var sender = new Recording(m -> SendResult.sent());
        deliverUntil(sender, 1, "b");
        outbox.deliver(Map.of(Channel.TELEGRAM, sender), "b");

        assertThat(sender.texts()).containsExactly("sent");
        assertThat(store.<Long>call(jedis -> jedis.xpending(store.key("outbox"), "senders").getTotal())).isZero();
    }

    @Test
    void createsItsGroupAgainWhenRedisLostItsDataAndGoesOnSending() throws Exception {
        var sender = new Recording(m -> SendResult.sent());
        outbox.enqueue("conv-16", Channel.TELEGRAM, "21", List.of(Reply.text("before")));
        deliverUntil(sender, 1, "a");
        // Redis restarted without its data: the stream goes, and the consumer group with it.
        store.call(jedis -> jedis.del(store.key("outbox")));
        outbox.enqueue("conv-17", Channel.TELEGRAM, "22", List.of(Reply.text("after")));

        var failures = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sender.sent.size() < 2 && System.nanoTime() < deadline) {
            try {
                outbox.deliver(Map.of(Channel.TELEGRAM, sender), "a");
            } catch (org.passerelle.core.store.StoreUnavailableException e) {
                failures++;
            }
            Thread.sleep(10);
        }

        assertThat(sender.texts()).containsExactly("before", "after");
        assertThat(failures).isLessThanOrEqualTo(1);
    }

    @Test
    void neverDropsAWaitingReplyHoweverLongTheQueue() {
        // A cap on the stream's length would drop its oldest entries: replies not sent yet.
        var replies = java.util.stream.IntStream.range(0, 1_000).mapToObj(i -> Reply.text("reply " + i)).toList();
        for (int turn = 0; turn < 101; turn++) {
            outbox.enqueue("conv-" + turn, Channel.SMS, "+3360000" + turn, replies);
        }
        assertThat(store.<Long>call(jedis -> jedis.xlen(store.key("outbox")))).isEqualTo(101_000L);
    }

    @Test
    void underABacklogTheChannelsRateLetsEveryReplyGoOnceAndInOrder() throws Exception {
        // Small batches, and replies set aside left alone for a while: each pass reads new replies
        // while earlier ones of the same conversations still wait for the channel's rate.
        var limited = telegramAt(10, Duration.ofMillis(500));
        var sender = new Recording(m -> SendResult.sent());
        for (int conversation = 0; conversation < 12; conversation++) {
            limited.enqueue("conv-" + conversation, Channel.TELEGRAM, Integer.toString(100 + conversation),
                    List.of(Reply.text(conversation + ":1"), Reply.text(conversation + ":2"),
                            Reply.text(conversation + ":3")));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (sender.sent.size() < 36 && System.nanoTime() < deadline) {
            limited.deliver(Map.of(Channel.TELEGRAM, sender), "a");
            Thread.sleep(20);
        }

        assertThat(sender.texts()).hasSize(36).doesNotHaveDuplicates();
        for (int conversation = 0; conversation < 12; conversation++) {
            var prefix = conversation + ":";
            assertThat(sender.texts().stream().filter(text -> text.startsWith(prefix)).toList())
                    .containsExactly(prefix + 1, prefix + 2, prefix + 3);
        }
        assertThat(store.<Long>call(jedis -> jedis.xlen(store.key("outbox")))).isZero();
    }

    @Test
    void aReplyTheChannelsRateRefusedStillGoesBeforeHerNextOneInTheNextSecond() throws Exception {
        // One a second, and a refused reply left alone for longer than the test's first second.
        var limited = telegramAt(1, Duration.ofSeconds(3));
        var sender = new Recording(m -> SendResult.sent());
        untilTheNextSecond();
        limited.enqueue("conv-a", Channel.TELEGRAM, "101", List.of(Reply.text("a1")));
        limited.enqueue("conv-b", Channel.TELEGRAM, "102", List.of(Reply.text("b1")));
        limited.deliver(Map.of(Channel.TELEGRAM, sender), "a");
        assertThat(sender.texts()).containsExactly("a1");

        // The next second: the channel may send again, and her first reply is not claimed yet.
        untilTheNextSecond();
        limited.enqueue("conv-b", Channel.TELEGRAM, "102", List.of(Reply.text("b2")));
        limited.deliver(Map.of(Channel.TELEGRAM, sender), "a");
        assertThat(sender.texts()).as("b2 waits for b1").containsExactly("a1");

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (sender.sent.size() < 3 && System.nanoTime() < deadline) {
            limited.deliver(Map.of(Channel.TELEGRAM, sender), "a");
            Thread.sleep(50);
        }
        assertThat(sender.texts()).containsExactly("a1", "b1", "b2");
    }

    /** An outbox of batches of ten that sends this many Telegram messages a second at most. */
    private Outbox telegramAt(int perSecond, Duration claimIdle) {
        return new Outbox(store, SEALERS, new OutboxSettings(10, claimIdle, 3, Duration.ofMillis(20),
                Duration.ofMillis(100), Map.of(), Map.of(Channel.TELEGRAM, perSecond)), Clock.systemUTC(), stopped::add);
    }

    private static void untilTheNextSecond() throws InterruptedException {
        Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 10);
    }

    @Test
    void holdsAChatToItsRateWithoutLosingAReply() throws Exception {
        var slow = new Outbox(store, SEALERS, new OutboxSettings(50, Duration.ofMillis(30), 3, Duration.ofMillis(20),
                Duration.ofMillis(100), Map.of(Channel.TELEGRAM, Duration.ofMillis(150)), Map.of()),
                Clock.systemUTC(), stopped::add);
        var sender = new Recording(m -> SendResult.sent());
        slow.enqueue("conv-8", Channel.TELEGRAM, "13", List.of(Reply.text("1"), Reply.text("2"), Reply.text("3")));
        slow.deliver(Map.of(Channel.TELEGRAM, sender), "a");
        assertThat(sender.texts()).containsExactly("1");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sender.sent.size() < 3 && System.nanoTime() < deadline) {
            slow.deliver(Map.of(Channel.TELEGRAM, sender), "a");
            Thread.sleep(20);
        }
        assertThat(sender.texts()).containsExactly("1", "2", "3");
    }
}
