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
import org.passerelle.core.channel.OutboundMessage;
import org.passerelle.core.channel.Reply;
import org.passerelle.core.channel.SendFailure;
import org.passerelle.core.channel.SendResult;
import org.passerelle.core.channel.Withdrawal;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;
import redis.clients.jedis.params.ScanParams;

/** Erasing through the outbox: the channel takes back what it can, and nothing of hers stays. */
class OutboxWithdrawalIntegrationTests {

    private static final byte[] SECRET = "a test secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8);
    private static final OutboxSealers SEALERS = new OutboxSealers(new AddressSealer(SECRET),
            AddressSealer.forTexts(SECRET));
    private static final OutboxSettings FAST = new OutboxSettings(50, Duration.ofMillis(30), 5,
            Duration.ofMillis(20), Duration.ofMillis(100), Map.of(), Map.of());
    private static final String CHAT = "5123456789";

    private final RedisStore store = TestRedis.newStore();
    private final Outbox outbox = new Outbox(store, SEALERS, FAST, Clock.systemUTC(), conversation -> { });

    @AfterEach
    void close() {
        store.close();
    }

    /** Gives each message part an id, as Telegram does, and records what it was asked. */
    private static final class Chat implements ChannelSender {
        final AtomicInteger nextId = new AtomicInteger(100);
        final List<String> texts = Collections.synchronizedList(new ArrayList<>());
        final List<Withdrawal> withdrawals = Collections.synchronizedList(new ArrayList<>());
        final Function<Withdrawal, SendResult> withdrawAnswer;

        Chat(Function<Withdrawal, SendResult> withdrawAnswer) {
            this.withdrawAnswer = withdrawAnswer;
        }

        @Override
        public Channel channel() {
            return Channel.TELEGRAM;
        }

        @Override
        public SendResult send(OutboundMessage message) {
            texts.add(message.reply().text());
            return SendResult.sent().withReceipts(List.of(Integer.toString(nextId.incrementAndGet())));
        }

        @Override
        public SendResult withdraw(Withdrawal withdrawal) {
            var result = withdrawAnswer.apply(withdrawal);
            withdrawals.add(withdrawal);
            return result;
        }
    }

    private void deliverWhile(Chat chat, java.util.function.BooleanSupplier waiting) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (waiting.getAsBoolean() && System.nanoTime() < deadline) {
            outbox.deliver(Map.of(Channel.TELEGRAM, chat), "a");
            Thread.sleep(10);
        }
    }

    @Test
    void takesBackEveryMessageSentToHerButTheLastOneAndForgetsTheirIds() throws Exception {
        var chat = new Chat(w -> SendResult.sent());
        outbox.enqueue("conv-w1", Channel.TELEGRAM, CHAT, List.of(Reply.text("one"), Reply.text("two")));
        deliverWhile(chat, () -> chat.texts.size() < 2);

        outbox.erase("conv-w1", Channel.TELEGRAM, CHAT, List.of(Reply.text("erased")));
        deliverWhile(chat, () -> chat.withdrawals.isEmpty());

        assertThat(chat.texts).containsExactly("one", "two", "erased");
        assertThat(chat.withdrawals).singleElement().satisfies(w -> {
            assertThat(w.address()).isEqualTo(CHAT);
            assertThat(w.receipts()).containsExactly("101", "102");
        });
        assertThat(keysAndValuesMentioning("conv-w1")).isEmpty();
        assertThat(store.<Long>call(jedis -> jedis.xlen(store.key("outbox")))).isZero();
    }

    @Test
    void keepsTheIdsThroughARetryOfTheWithdrawal() throws Exception {
        var tries = new AtomicInteger();
        var chat = new Chat(w -> tries.incrementAndGet() == 1
                ? SendResult.throttled("429", Duration.ofMillis(30)) : SendResult.sent());
        outbox.enqueue("conv-w2", Channel.TELEGRAM, CHAT, List.of(Reply.text("one")));
        deliverWhile(chat, () -> chat.texts.isEmpty());

        outbox.erase("conv-w2", Channel.TELEGRAM, CHAT, List.of());
        deliverWhile(chat, () -> chat.withdrawals.size() < 2);

        assertThat(chat.withdrawals).hasSize(2).allSatisfy(w -> assertThat(w.receipts()).containsExactly("101"));
        assertThat(keysAndValuesMentioning("conv-w2")).isEmpty();
    }

    @Test
    void asksNothingOfTheChannelWhenNothingCanBeTakenBack() throws Exception {
        var chat = new Chat(w -> SendResult.failed(SendFailure.REJECTED, "should not be asked"));

        outbox.erase("conv-w3", Channel.TELEGRAM, CHAT, List.of(Reply.text("erased")));
        deliverWhile(chat, () -> chat.texts.isEmpty());
        outbox.deliver(Map.of(Channel.TELEGRAM, chat), "a");

        assertThat(chat.withdrawals).isEmpty();
        assertThat(outbox.deadLetters(10)).isEmpty();
        assertThat(keysAndValuesMentioning("conv-w3")).isEmpty();
    }

    @Test
    void forgetsHerChatsRateOnceTheWithdrawalIsDone() throws Exception {
        var paced = new Outbox(store, SEALERS, new OutboxSettings(50, Duration.ofMillis(30), 5, Duration.ofMillis(20),
                Duration.ofMillis(100), Map.of(Channel.TELEGRAM, Duration.ofMillis(1_000)), Map.of()), Clock.systemUTC(),
                conversation -> { });
        var chat = new Chat(w -> SendResult.sent());
        paced.enqueue("conv-w5", Channel.TELEGRAM, CHAT, List.of(Reply.text("one")));
        paced.erase("conv-w5", Channel.TELEGRAM, CHAT, List.of());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (chat.withdrawals.isEmpty() && System.nanoTime() < deadline) {
            paced.deliver(Map.of(Channel.TELEGRAM, chat), "a");
            Thread.sleep(20);
        }

        assertThat(chat.withdrawals).singleElement().satisfies(w -> assertThat(w.receipts()).containsExactly("101"));
        assertThat(keysAndValuesMentioning("conv-w5")).isEmpty();
    }

    @Test
    void dropsHerDeadLettersAndKeepsTheOthers() throws Exception {
        outbox.enqueue("conv-w4", Channel.SMS, "+33612345678", List.of(Reply.text("lost")));
        outbox.enqueue("conv-other", Channel.SMS, "+33799999999", List.of(Reply.text("lost too")));
        outbox.deliver(Map.of(), "a");
        assertThat(outbox.deadLetters(10)).hasSize(2);

        outbox.erase("conv-w4", Channel.TELEGRAM, CHAT, List.of());

        assertThat(outbox.deadLetters(10)).singleElement()
                .satisfies(dead -> assertThat(dead.conversationId()).isEqualTo("conv-other"));
    }

    /** Every key naming her, and every key with a value that does, of any type. */
    private List<String> keysAndValuesMentioning(String conversation) {
        var found = new ArrayList<String>();
        var params = new ScanParams().match(store.key("*")).count(500);
        var cursor = ScanParams.SCAN_POINTER_START;
        do {
            var at = cursor;
            var page = store.call(jedis -> jedis.scan(at, params));
            for (var key : page.getResult()) {
                if (key.contains(conversation) || dump(key).contains(conversation)) {
                    found.add(key);
                }
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return found;
    }

    private String dump(String key) {
        return store.call(jedis -> switch (jedis.type(key)) {
            case "string" -> String.valueOf(jedis.get(key));
            case "hash" -> jedis.hgetAll(key).toString();
            case "list" -> jedis.lrange(key, 0, -1).toString();
            case "set" -> jedis.smembers(key).toString();
            case "zset" -> jedis.zrange(key, 0, -1).toString();
            case "stream" -> jedis.xrange(key, "-", "+").stream().map(e -> e.getFields().toString()).toList()
                    .toString();
            default -> "";
        });
    }
}
