package org.passerelle.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.ChannelSender;
import org.passerelle.core.channel.OutboundMessage;
import org.passerelle.core.channel.Reply;
import org.passerelle.core.channel.SendResult;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.privacy.Keyring;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

/** Replies queued before a key rotation still leave; one under a key no one holds becomes a dead letter. */
class OutboxKeyRotationIntegrationTests {

    private static final OutboxSettings FAST = new OutboxSettings(50, Duration.ofMillis(30), 3,
            Duration.ofMillis(20), Duration.ofMillis(100), Map.of(), Map.of());
    private static final byte[] K1 = random();
    private static final byte[] K2 = random();

    private final RedisStore store = TestRedis.newStore();
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

    private static byte[] random() {
        var key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private Outbox outbox(Keyring ring) {
        var sealers = new OutboxSealers(AddressSealer.forAddresses(ring, null), AddressSealer.forTexts(ring, null));
        return new Outbox(store, sealers, FAST, Clock.systemUTC(), conversation -> { });
    }

    @Test
    void sendsWhatWasQueuedUnderTheOldKeyAfterTheRotation() {
        outbox(Keyring.of("k1", K1)).enqueue("conv-1", Channel.SMS, "+33600000001", List.of(Reply.text("before")));
        var rotated = outbox(new Keyring(Map.of("k1", K1, "k2", K2), "k2"));
        rotated.enqueue("conv-2", Channel.SMS, "+33600000002", List.of(Reply.text("after")));
        String sealed = store.call(jedis -> jedis.xrange(store.key("outbox"), "-", "+")).get(1).getFields().get("to");
        assertThat(AddressSealer.keyId(sealed)).contains("k2");

        rotated.deliver(Map.of(Channel.SMS, sms), "a");
        assertThat(sent).extracting(message -> message.address() + " " + message.reply().text())
                .containsExactly("+33600000001 before", "+33600000002 after");
    }

    @Test
    void setsAsideAReplyUnderAKeyNoLongerHeldAndSendsTheOthers() {
        outbox(Keyring.of("k1", K1)).enqueue("conv-1", Channel.SMS, "+33600000001", List.of(Reply.text("lost")));
        var retired = outbox(Keyring.of("k2", K2));
        retired.enqueue("conv-2", Channel.SMS, "+33600000002", List.of(Reply.text("goes")));

        retired.deliver(Map.of(Channel.SMS, sms), "a");
        assertThat(sent).extracting(message -> message.reply().text()).containsExactly("goes");
        assertThat(retired.deadLetters(10)).singleElement().satisfies(dead -> {
            assertThat(dead.conversationId()).isEqualTo("conv-1");
            assertThat(dead.reason()).isEqualTo("UNREADABLE: the address is sealed under key 'k1', which is not in "
                    + "the keyring");
        });
    }
}
