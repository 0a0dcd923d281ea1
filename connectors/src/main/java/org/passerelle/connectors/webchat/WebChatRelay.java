package org.passerelle.connectors.webchat;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.privacy.Keyring;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPubSub;

/**
 * Carries a later web chat message to the other instances, where her event stream may be open.
 *
 * <p>Every instance listens to one Redis pub/sub channel, {@code webchat:relay} under the key
 * prefix, on a thread of its own holding one connection of the client for as long as it listens
 * (for Sentinel, the master's; for a cluster, any node's, since a cluster hands every message to
 * all its nodes). A message for her goes out on it sealed under the texts' keys, her
 * conversation id inside the sealed part: the channel's name and the clear part carry only
 * random ids. Each other instance hands it to the streams it holds for her and answers on the
 * same channel how many took it; the sender waits for those answers.
 *
 * <p>The message counts as delivered as soon as one answer says a stream took it. It is not
 * delivered when every listener answered none (PUBLISH says how many listen: in a cluster only
 * those on the node it reached, so there the sender waits instead for a taking answer), when
 * none answered within {@code passerelle.webchat.relay-wait}, or when this instance is not
 * listening itself (Redis away). So the outbox's retries stay honest: a message counts as sent
 * only once a stream took it, and reaches her twice only if an answer came later than the wait.
 * Thread-safe.
 */
@Component
class WebChatRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebChatRelay.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MESSAGE = "m";
    private static final String ANSWER = "a";
    private static final long RESUBSCRIBE_PAUSE_MILLIS = 1_000;

    private final RedisStore store;
    private final AddressSealer texts;
    private final WebChatStreams streams;
    private final WebChatSettings settings;
    private final String channel;
    private final boolean cluster;
    private final String instance = UUID.randomUUID().toString();
    private final Map<String, Answers> waiting = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Listener listener;
    private Thread thread;

    WebChatRelay(RedisStore store, Keyring keyring, WebChatStreams streams, WebChatSettings settings) {
        this.store = store;
        this.texts = AddressSealer.forTexts(keyring, null);
        this.streams = streams;
        this.settings = settings;
        this.channel = store.key("webchat", "relay");
        this.cluster = store.call(jedis -> jedis instanceof JedisCluster);
    }

    /**
     * Offers a reply to the streams the other instances hold for this conversation.
     *
     * @param wait whether to wait for their answers; without, the reply goes out and 0 comes back
     * @return how many streams elsewhere took it, as far as the answers said within the wait
     * @throws StoreUnavailableException when Redis fails
     */
    int deliverElsewhere(String conversationId, WebChatApi.ReplyJson reply, boolean wait) {
        if (!listening) {
            // The answers could not reach this instance: no way to know that a stream took it.
            return 0;
        }
        var id = UUID.randomUUID().toString();
        var message = String.join("|", MESSAGE, instance, id, texts.seal(toJson(new Relayed(conversationId, reply))));
        if (!wait) {
            store.call(jedis -> jedis.publish(channel, message));
            return 0;
        }
        var answers = new Answers();
        waiting.put(id, answers);
        try {
            long listeners = store.call(jedis -> jedis.publish(channel, message));
            if (!cluster) {
                // Every listener but this instance answers, even when it holds no stream for her.
                answers.expect(listeners - 1);
            }
            return answers.await(settings.relayWait().toMillis());
        } finally {
            waiting.remove(id);
        }
    }

    /** Whether this instance listens to the relay channel now. */
    boolean listening() {
        return listening;
    }

    private void received(String payload) {
        var parts = payload.split("\\|", 4);
        if (parts.length < 4) {
            log.warn("Web chat relay: a message of an unknown form was ignored");
        } else if (ANSWER.equals(parts[0]) && instance.equals(parts[1])) {
            var answers = waiting.get(parts[2]);
            if (answers != null) {
                answers.answer(Integer.parseInt(parts[3]));
            }
        } else if (MESSAGE.equals(parts[0]) && !instance.equals(parts[1])) {
            int took = deliverHere(parts[3]);
            var answer = String.join("|", ANSWER, parts[1], parts[2], Integer.toString(took));
            store.call(jedis -> jedis.publish(channel, answer));
        }
    }

    private int deliverHere(String sealed) {
        try {
            var relayed = JSON.readValue(texts.open(sealed), Relayed.class);
            return streams.deliver(relayed.conversationId(), relayed.reply());
        } catch (JacksonException | RuntimeException e) {
            // Another instance with other keys, or a damaged message: answer that nothing took it.
            log.warn("Web chat relay: a message could not be opened ({})", e.getClass().getSimpleName());
            return 0;
        }
    }

    private void listenWhileRunning() {
        while (running) {
            var current = new Listener();
            listener = current;
            try {
                store.call(jedis -> {
                    jedis.subscribe(current, channel);
                    return null;
                });
            } catch (StoreUnavailableException | IllegalStateException e) {
                if (running) {
                    log.warn("Web chat relay: not listening to Redis ({}), trying again", e.getMessage());
                }
            } finally {
                listening = false;
            }
            pauseBeforeAgain();
        }
    }

    private void pauseBeforeAgain() {
        if (!running) {
            return;
        }
        try {
            TimeUnit.MILLISECONDS.sleep(RESUBSCRIBE_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static String toJson(Relayed relayed) {
        try {
            return JSON.writeValueAsString(relayed);
        } catch (JacksonException e) {
            throw new IllegalStateException("a web chat reply could not be written as JSON", e);
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::listenWhileRunning, "webchat-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        var current = listener;
        if (current != null && current.isSubscribed()) {
            current.unsubscribe();
        } else {
            // Between two subscriptions: cut the pause short.
            thread.interrupt();
        }
        try {
            thread.join(RESUBSCRIBE_PAUSE_MILLIS + 2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stopped after the streams (which stop first of all) and before Redis closes.
        return Integer.MAX_VALUE - 1;
    }

    /** A reply on its way to another instance: sealed whole, her conversation id with it. */
    record Relayed(String conversationId, WebChatApi.ReplyJson reply) {
    }

    /** The pub/sub callbacks, run on the relay's thread. */
    private final class Listener extends JedisPubSub {

        @Override
        public void onSubscribe(String name, int subscribed) {
            listening = true;
            if (!running) {
                unsubscribe();
            }
        }

        @Override
        public void onMessage(String name, String payload) {
            try {
                received(payload);
            } catch (RuntimeException e) {
                // One bad message or a failed answer must not end the listening.
                log.warn("Web chat relay: a message was not handled ({})", e.getClass().getSimpleName());
            }
        }
    }

    /** The answers to one relayed message, awaited by the sending thread. */
    private static final class Answers {

        private long expected = Long.MAX_VALUE;
        private long answered;
        private int took;

        synchronized void expect(long listeners) {
            expected = listeners;
            notifyAll();
        }

        synchronized void answer(int streams) {
            answered++;
            took += Math.max(0, streams);
            notifyAll();
        }

        synchronized int await(long millis) {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            try {
                while (took == 0 && answered < expected) {
                    long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                    if (left <= 0) {
                        break;
                    }
                    wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return took;
        }
    }
}
