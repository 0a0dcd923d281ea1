package org.passerelle.app;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.ChannelSender;
import org.passerelle.core.conversation.ConversationEngine;
import org.passerelle.core.outbox.Outbox;
import org.passerelle.core.outbox.OutboxSealers;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.store.RedisLease;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outbox and the sending loop of this instance; the intake is in {@link JournalConfiguration}. */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    /** The addresses under the address key, the replies under the key of texts about a person. */
    @Bean
    Outbox outbox(RedisStore store, AddressSealer addresses, EngineConfiguration.TextSealer texts,
            OutboxSettingsProperties properties, Clock clock, ConversationEngine engine) {
        return new Outbox(store, new OutboxSealers(addresses, texts.sealer()), properties.toSettings(), clock,
                engine::markStopped);
    }

    @Bean
    OutboxLoop outboxLoop(Outbox outbox, List<ChannelSender> senders, OutboxSettingsProperties properties,
            RedisStore store) {
        return new OutboxLoop(outbox, senders, properties,
                new RedisLease(store, store.key("outbox", "sender"), OutboxLoop.LEASE));
    }

    /**
     * Sends what the outbox holds, every poll interval, from start to shutdown, while this
     * instance holds the sender lease: one instance at a time sends, so that the replies of a
     * conversation leave in the order they were written (two instances reading the stream side by
     * side could each take one of her replies and send the second first). The channels' rates
     * bound sending well below what one instance can do. When the sender dies, another instance
     * takes the lease once it lapses and the replies the first had read and not sent.
     */
    static final class OutboxLoop implements SmartLifecycle {

        static final Duration LEASE = Duration.ofSeconds(6);
        private static final Logger log = LoggerFactory.getLogger(OutboxLoop.class);

        private final Outbox outbox;
        private final EnumMap<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
        private final OutboxSettingsProperties properties;
        private final String consumer = "instance-" + UUID.randomUUID();
        private final RedisLease lease;
        private ScheduledExecutorService executor;
        private volatile boolean redisWasDown;
        private volatile boolean held;

        OutboxLoop(Outbox outbox, List<ChannelSender> senders, OutboxSettingsProperties properties, RedisLease lease) {
            this.outbox = outbox;
            this.properties = properties;
            this.lease = lease;
            senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        }

        @Override
        public void start() {
            // Two threads: the lease is renewed on time even while a pass waits for a slow channel.
            executor = Executors.newScheduledThreadPool(2, runnable -> {
                var thread = new Thread(runnable, "outbox");
                thread.setDaemon(true);
                return thread;
            });
            long every = properties.pollInterval().toMillis();
            executor.scheduleWithFixedDelay(this::keepLease, 0, LEASE.toMillis() / 3, TimeUnit.MILLISECONDS);
            executor.scheduleWithFixedDelay(this::pass, every, every, TimeUnit.MILLISECONDS);
            log.info("outbox sending for channels {}", senders.keySet());
        }

        /** Renews the sender lease, or takes it when it is free; Redis away keeps things as they are. */
        private void keepLease() {
            try {
                held = held ? lease.renew() : lease.tryAcquire();
            } catch (StoreUnavailableException e) {
                // Nothing is sent while Redis is away, and no other instance can take the lease either.
            } catch (RuntimeException e) {
                log.error("outbox sender lease check failed", e);
            }
        }

        private void pass() {
            if (!held) {
                return;
            }
            try {
                outbox.deliver(senders, consumer);
                if (redisWasDown) {
                    log.info("outbox sending again");
                    redisWasDown = false;
                }
            } catch (StoreUnavailableException e) {
                // Nothing is lost: the replies wait in Redis; say it once, not every pass.
                if (!redisWasDown) {
                    log.warn("outbox paused, Redis unavailable: {}", e.getMessage());
                    redisWasDown = true;
                }
            } catch (RuntimeException e) {
                log.error("outbox pass failed", e);
            }
        }

        @Override
        public void stop() {
            if (executor != null) {
                executor.shutdown();
                try {
                    executor.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (held) {
                held = false;
                lease.releaseOnStop("outbox sender");
            }
        }

        @Override
        public boolean isRunning() {
            return executor != null && !executor.isShutdown();
        }
    }
}
