package org.passerelle.connectors.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.OutboundMessage;
import org.passerelle.core.channel.Reply;
import org.passerelle.core.channel.SendFailure;
import org.passerelle.core.privacy.Keyring;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisPubSub;

/**
 * Two instances on one real Redis, each with its own streams, relay and sender: a later
 * message reaches her stream on whichever instance it is open, once, sealed on the way.
 */
class WebChatRelayIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final WebChatSettings SETTINGS = new WebChatSettings(2000, Duration.ofMinutes(30),
            Duration.ofSeconds(25), Duration.ofSeconds(2));

    private final Keyring keyring = Keyring.of("k1", "0123456789abcdef0123456789abcdef".getBytes());
    private final String prefix = "test-" + UUID.randomUUID() + ":";
    private final List<AutoCloseable> opened = new ArrayList<>();
    private Instance first;
    private Instance second;

    @BeforeEach
    void startTwoInstances() {
        first = instance();
        second = instance();
        await(() -> first.relay.listening() && second.relay.listening());
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void aMessageSentFromOneInstanceReachesTheStreamOpenOnTheOtherOnce() {
        var stream = second.open("conversation-b");

        var result = first.sender.send(message("conversation-b", "Bonjour, ici Awa."));

        assertThat(result.ok()).isTrue();
        assertThat(stream.texts()).containsExactly("Bonjour, ici Awa.");
    }

    @Test
    void messagesRelayedOneAfterAnotherArriveInTheirOrder() {
        var stream = second.open("conversation-c");

        for (int i = 1; i <= 5; i++) {
            assertThat(first.sender.send(message("conversation-c", "message " + i)).ok()).isTrue();
        }

        assertThat(stream.texts()).containsExactly("message 1", "message 2", "message 3", "message 4", "message 5");
    }

    @Test
    void withNoStreamOpenAnywhereTheSendFailsRetryably() {
        second.open("someone-else");

        var result = first.sender.send(message("conversation-d", "Personne ne lit ceci."));

        assertThat(result.ok()).isFalse();
        assertThat(result.retryable()).isTrue();
        assertThat(result.failure()).contains(SendFailure.CONNECTION_FAILED);
    }

    @Test
    void herTabsOnBothInstancesEachGetTheMessageOnce() {
        var here = first.open("conversation-e");
        var there = second.open("conversation-e");

        assertThat(first.sender.send(message("conversation-e", "Deux onglets.")).ok()).isTrue();

        await(() -> there.texts().size() == 1);
        assertThat(here.texts()).containsExactly("Deux onglets.");
        assertThat(there.texts()).containsExactly("Deux onglets.");
    }

    @Test
    void aStreamOnAnInstanceThatStoppedListeningNoLongerCountsAsDelivered() {
        second.open("conversation-f");
        second.relay.stop();

        var result = first.sender.send(message("conversation-f", "Trop tard."));

        assertThat(result.retryable()).isTrue();
    }

    @Test
    void anInstanceWithOtherKeysCannotOpenItAndNothingCountsAsDelivered() {
        var stranger = instance(Keyring.of("k2", "fedcba9876543210fedcba9876543210".getBytes()));
        await(() -> stranger.relay.listening());
        var stream = stranger.open("conversation-g");

        var result = first.sender.send(message("conversation-g", "Illisible ailleurs."));

        assertThat(result.retryable()).isTrue();
        assertThat(stream.texts()).isEmpty();
    }

    @Test
    void whatCrossesRedisCarriesNeitherHerConversationIdNorHerText() throws Exception {
        var seen = new CopyOnWriteArrayList<String>();
        var spy = new JedisPubSub() {
            @Override
            public void onPMessage(String pattern, String channel, String message) {
                seen.add(channel + " " + message);
            }
        };
        var jedis = new JedisPooled("127.0.0.1", TestRedis.port());
        opened.add(jedis);
        var listening = new Thread(() -> jedis.psubscribe(spy, prefix + "*"));
        listening.setDaemon(true);
        listening.start();
        await(spy::isSubscribed);
        second.open("secret-conversation-id");

        assertThat(first.sender.send(message("secret-conversation-id", "Mon adresse est ici.")).ok()).isTrue();

        await(() -> seen.size() >= 2);
        spy.punsubscribe();
        assertThat(seen).allSatisfy(line -> assertThat(line)
                .doesNotContain("secret-conversation-id").doesNotContain("adresse"));
    }

    private Instance instance() {
        return instance(keyring);
    }

    private Instance instance(Keyring keys) {
        var store = new RedisStore(new JedisPooled("127.0.0.1", TestRedis.port()), prefix);
        var streams = new WebChatStreams(SETTINGS);
        var relay = new WebChatRelay(store, keys, streams, SETTINGS);
        opened.add(store);
        opened.add(streams::stop);
        opened.add(relay::stop);
        streams.start();
        relay.start();
        return new Instance(streams, relay, new WebChatSender(streams, relay));
    }

    private static OutboundMessage message(String conversationId, String text) {
        return new OutboundMessage(UUID.randomUUID().toString(), Channel.WEBCHAT, conversationId, Reply.text(text));
    }

    private static void await(BooleanSupplier condition) {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited too long").isLessThan(end);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private record Instance(WebChatStreams streams, WebChatRelay relay, WebChatSender sender) {

        RecordingStream open(String conversationId) {
            var stream = new RecordingStream();
            streams.open(conversationId, stream);
            return stream;
        }
    }

    /** An event stream that keeps the replies sent to it instead of writing them to a response. */
    private static final class RecordingStream extends SseEmitter {

        private final List<WebChatApi.ReplyJson> replies = new CopyOnWriteArrayList<>();

        @Override
        public void send(SseEventBuilder builder) {
            builder.build().stream()
                    .map(DataWithMediaType::getData)
                    .filter(WebChatApi.ReplyJson.class::isInstance)
                    .map(WebChatApi.ReplyJson.class::cast)
                    .forEach(replies::add);
        }

        List<String> texts() {
            return replies.stream().map(WebChatApi.ReplyJson::text).toList();
        }
    }
}
