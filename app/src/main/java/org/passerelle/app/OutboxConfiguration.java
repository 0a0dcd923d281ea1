package org.passerelle.app;

import java.time.Clock;
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
    OutboxLoop outboxLoop(Outbox outbox, List<ChannelSender> senders, OutboxSettingsProperties properties) {
        return new OutboxLoop(outbox, senders, properties);
    }

    /** Sends what the outbox holds, every poll interval, from start to shutdown. */
    static final class OutboxLoop implements SmartLifecycle {

        private static final Logger log = LoggerFactory.getLogger(OutboxLoop.class);

        private final Outbox outbox;
        private final EnumMap<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
        private final OutboxSettingsProperties properties;
        private final String consumer = "instance-" + UUID.randomUUID();
        private ScheduledExecutorService executor;
        private volatile boolean redisWasDown;

        OutboxLoop(Outbox outbox, List<ChannelSender> senders, OutboxSettingsProperties properties) {
            this.outbox = outbox;
            this.properties = properties;
            senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        }

        @Override
        public void start() {
            executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                var thread = new Thread(runnable, "outbox");
                thread.setDaemon(true);
                return thread;
            });
            long every = properties.pollInterval().toMillis();
            executor.scheduleWithFixedDelay(this::pass, every, every, TimeUnit.MILLISECONDS);
            log.info("outbox sending for channels {}", senders.keySet());
        }

        private void pass() {
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
        }

        @Override
        public boolean isRunning() {
            return executor != null && !executor.isShutdown();
        }
    }
}
