package org.passerelle.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.ChannelSender;
import org.passerelle.core.channel.InboundMessage;
import org.passerelle.core.channel.MessageIntake.Intake;
import org.passerelle.core.channel.OutboundMessage;
import org.passerelle.core.channel.SendResult;
import org.passerelle.core.outbox.Outbox;
import org.passerelle.core.outbox.OutboxSettings;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

/** A channel message taken once, answered through the outbox, never twice. */
class EngineIntakeIntegrationTests {

    private static final Clock CLOCK = Clock.systemUTC();

    private final RedisStore store = TestRedis.newStore();
    private final ConversationEngine engine = TestEngines.engine(store, CLOCK);
    private final Outbox outbox = new Outbox(store, TestEngines.OUTBOX_SEALERS, OutboxSettings.defaults(), CLOCK,
            engine::markStopped);
    private final EngineIntake intake = new EngineIntake(engine, outbox, store);
    private final List<OutboundMessage> sent = new ArrayList<>();
    private final ChannelSender telegram = new ChannelSender() {
        @Override
        public Channel channel() {
            return Channel.TELEGRAM;
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

    private static InboundMessage message(String text, String id) {
        return new InboundMessage(Channel.TELEGRAM, "555001", text, id, CLOCK.instant());
    }

    @Test
    void takesAMessageOnceAndSendsItsRepliesThroughTheOutbox() throws InterruptedException {
        assertThat(intake.receive(message("start", "tg:1"))).isEqualTo(Intake.ACCEPTED);
        assertThat(intake.receive(message("start", "tg:1"))).isEqualTo(Intake.DUPLICATE);
        // Telegram allows about one message a second to one chat: the second reply waits its turn.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (sent.size() < 2 && System.nanoTime() < deadline) {
            outbox.deliver(Map.of(Channel.TELEGRAM, telegram), "test");
            Thread.sleep(50);
        }

        assertThat(sent).hasSize(2);
        assertThat(sent).allSatisfy(m -> assertThat(m.address()).isEqualTo("555001"));
        assertThat(sent.get(1).reply().options()).isNotEmpty();
    }

    @Test
    void takesMessagesWithoutAChannelIdEveryTime() {
        assertThat(intake.receive(message("start", null))).isEqualTo(Intake.ACCEPTED);
        assertThat(intake.receive(message("menu", null))).isEqualTo(Intake.ACCEPTED);
    }

    @Test
    void marksAConversationStoppedWhenTheChannelSaysSo() {
        intake.receive(message("hello", "tg:2"));
        var conversationId = TestEngines.PSEUDONYMS.pseudonym(Channel.TELEGRAM, "555001");
        outbox.deliver(Map.of(Channel.TELEGRAM, new ChannelSender() {
            @Override
            public Channel channel() {
                return Channel.TELEGRAM;
            }

            @Override
            public SendResult send(OutboundMessage message) {
                return SendResult.failed(org.passerelle.core.channel.SendFailure.CONTACT_STOPPED, "blocked");
            }
        }), "test");
        assertThat(store.<Boolean>call(j -> j.hexists(store.key("conv", conversationId), "stopped"))).isTrue();
    }
}
