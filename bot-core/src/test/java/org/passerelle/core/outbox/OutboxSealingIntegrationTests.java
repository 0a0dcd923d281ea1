package org.passerelle.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.XAddParams;

/** What the outbox leaves in a real Redis: her address and her words only sealed, and still sent. */
class OutboxSealingIntegrationTests {

    private static final byte[] SECRET = "a test secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER = "another secret, also thirty-two bytes long".getBytes(StandardCharsets.UTF_8);
    private static final OutboxSealers SEALERS =
            new OutboxSealers(new AddressSealer(SECRET), AddressSealer.forTexts(SECRET));
    private static final OutboxSettings FAST = new OutboxSettings(50, Duration.ofMillis(30), 3,
            Duration.ofMillis(20), Duration.ofMillis(100), Map.of(), Map.of());
    private static final String PHONE = "+33698765432";
    private static final Reply CONFIRMATION = new Reply("Rendez-vous confirmé au nom de Nadia Petrova, mardi 18h",
            List.of(new Option("topic:asile-mineure", "Demande d'asile pour une mineure"),
                    new Option("menu", "Menu principal")));

    private final RedisStore store = TestRedis.newStore();
    private final Outbox outbox = new Outbox(store, SEALERS, FAST, Clock.systemUTC(), conversation -> { });
    private final List<OutboundMessage> sent = Collections.synchronizedList(new ArrayList<>());
    private final ChannelSender sms = new ChannelSender() {
        @Override
        public Channel channel() {
            return Channel.SMS;
        }

        @Override
        public SendResult send(OutboundMessage message) {
            sent.add(message);
            return SendResult.sent();
        }
    };

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void keepsNeitherHerWordsNorHerAddressInClearWhileARetryWaitsNorAfterItLeft() throws Exception {
        var calls = new AtomicInteger();
        ChannelSender flaky = new ChannelSender() {
            @Override
            public Channel channel() {
                return Channel.SMS;
            }

            @Override
            public SendResult send(OutboundMessage message) {
                if (calls.incrementAndGet() == 1) {
                    return SendResult.failedAfter(SendFailure.CONNECTION_FAILED, "reset", 1);
                }
                sent.add(message);
                return SendResult.sent();
            }
        };
        outbox.enqueue("conv-s1", Channel.SMS, PHONE, List.of(CONFIRMATION));
        assertNothingOfHersInClear();

        outbox.deliver(Map.of(Channel.SMS, flaky), "a");
        assertThat(calls.get()).isEqualTo(1);
        assertNothingOfHersInClear();

        deliverUntil(Map.of(Channel.SMS, flaky), 1);
        assertThat(sent).singleElement().satisfies(message -> {
            assertThat(message.reply()).isEqualTo(CONFIRMATION);
            assertThat(message.address()).isEqualTo(PHONE);
            assertThat(message.firstPart()).isEqualTo(1);
        });
        assertNothingOfHersInClear();
    }

    @Test
    void sealsTheWholeReplyUnderTheTextsKeyAndTheAddressUnderItsOwn() {
        outbox.enqueue("conv-s2", Channel.SMS, PHONE, List.of(CONFIRMATION));
        var fields = store.call(jedis -> jedis.xrange(store.key("outbox"), "-", "+")).get(0).getFields();

        assertThat(fields).containsOnlyKeys("id", "conv", "channel", "to", "reply");
        assertThat(OutboxPayload.decode(SEALERS.texts().open(fields.get("reply")))).isEqualTo(CONFIRMATION);
        assertThat(SEALERS.addresses().open(fields.get("to"))).isEqualTo(PHONE);
        assertThatThrownBy(() -> SEALERS.addresses().open(fields.get("reply")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SEALERS.texts().open(fields.get("to"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sendsInOrderAndOnceAReplyLeftInClearByThePreviousVersionThenTheSealedOnes() throws Exception {
        outbox.deliver(Map.of(), "warm-up");
        var old = new HashMap<String, String>();
        old.put("id", "old-1");
        old.put("conv", "conv-s3");
        old.put("channel", "sms");
        old.put("to", SEALERS.addresses().seal(PHONE));
        old.put("text", "written before the upgrade");
        old.put("options", "menu\tMenu principal\nlang\tLangue\n");
        store.call(jedis -> jedis.xadd(store.key("outbox"), XAddParams.xAddParams(), old));
        outbox.enqueue("conv-s3", Channel.SMS, PHONE, List.of(Reply.text("after 1"), Reply.text("after 2")));

        deliverUntil(Map.of(Channel.SMS, sms), 3);
        Thread.sleep(80);
        outbox.deliver(Map.of(Channel.SMS, sms), "a");

        assertThat(sent).extracting(m -> m.reply().text())
                .containsExactly("written before the upgrade", "after 1", "after 2");
        assertThat(sent.get(0).reply().options())
                .containsExactly(new Option("menu", "Menu principal"), new Option("lang", "Langue"));
        assertThat(sent.get(0).address()).isEqualTo(PHONE);
        assertThat(sent.get(0).messageId()).isEqualTo("old-1");
        assertThat(outbox.deadLetters(10)).isEmpty();
    }

    @Test
    void setsAsideWithAReasonAndNoTextWhatDoesNotOpenAndSendsTheRest() throws Exception {
        var foreign = new Outbox(store, new OutboxSealers(new AddressSealer(OTHER), AddressSealer.forTexts(OTHER)),
                FAST, Clock.systemUTC(), conversation -> { });
        var halfForeign = new Outbox(store, new OutboxSealers(new AddressSealer(SECRET), AddressSealer.forTexts(OTHER)),
                FAST, Clock.systemUTC(), conversation -> { });
        foreign.enqueue("conv-s4", Channel.SMS, PHONE, List.of(CONFIRMATION));
        halfForeign.enqueue("conv-s5", Channel.SMS, PHONE, List.of(CONFIRMATION));
        outbox.enqueue("conv-s6", Channel.SMS, "+33611112222", List.of(Reply.text("this one opens")));

        assertThatCode(() -> outbox.deliver(Map.of(Channel.SMS, sms), "a")).doesNotThrowAnyException();

        assertThat(sent).extracting(m -> m.reply().text()).containsExactly("this one opens");
        assertThat(outbox.deadLetters(10)).extracting(DeadLetter::conversationId, DeadLetter::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("conv-s4", "UNREADABLE: the address does not open with this key"),
                org.assertj.core.groups.Tuple.tuple("conv-s5", "UNREADABLE: the reply does not open with this key"));
        var dead = store.call(jedis -> jedis.xrange(store.key("outbox", "dead"), "-", "+"));
        assertThat(dead).hasSize(2).allSatisfy(entry -> assertThat(entry.getFields())
                .containsOnlyKeys("id", "conv", "channel", "reason", "attempts", "at"));
        assertNothingOfHersInClear();
        long pending = store.call(jedis -> jedis.xpending(store.key("outbox"), "senders").getTotal());
        assertThat(pending).isZero();
    }

    @Test
    void refusesTheAddressKeyForTheReplies() {
        var addresses = new AddressSealer(SECRET);
        assertThatThrownBy(() -> new OutboxSealers(addresses, new AddressSealer(SECRET)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboxSealers(addresses, addresses)).isInstanceOf(IllegalArgumentException.class);
    }

    private void deliverUntil(Map<Channel, ChannelSender> senders, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sent.size() < count && System.nanoTime() < deadline) {
            outbox.deliver(senders, "a");
            Thread.sleep(10);
        }
    }

    private void assertNothingOfHersInClear() {
        var redis = everythingInRedis();
        assertThat(redis).contains(store.key("outbox"));
        assertThat(redis).doesNotContain(PHONE, "698765432", "Nadia", "Petrova", "confirmé", "asile", "mineure",
                "Menu principal");
    }

    /** Every key under this store's prefix and everything in it, streams included, by SCAN. */
    private String everythingInRedis() {
        var all = new StringBuilder();
        var params = new ScanParams().match(store.prefix() + "*").count(100);
        var cursor = ScanParams.SCAN_POINTER_START;
        do {
            var at = cursor;
            var page = store.call(jedis -> jedis.scan(at, params));
            for (var key : page.getResult()) {
                all.append(key).append('\n').append(valueOf(key)).append('\n');
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return all.toString();
    }

    private Object valueOf(String key) {
        return switch (store.<String>call(jedis -> jedis.type(key))) {
            case "string" -> store.call(jedis -> jedis.get(key));
            case "list" -> store.call(jedis -> jedis.lrange(key, 0, -1));
            case "hash" -> store.call(jedis -> jedis.hgetAll(key));
            case "set" -> store.call(jedis -> jedis.smembers(key));
            case "zset" -> store.call(jedis -> jedis.zrange(key, 0, -1));
            case "stream" -> store.call(jedis -> jedis.xrange(key, "-", "+")).stream()
                    .map(entry -> entry.getID() + " " + entry.getFields()).toList();
            default -> "?";
        };
    }
}
