package org.passerelle.app;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.passerelle.core.booking.Slot;
import org.passerelle.core.handoff.HandoffQueue;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.privacy.Rekey;
import org.passerelle.core.store.RedisStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The upkeep of what is kept about people: the re-seal sweep, daily at a quiet hour
 * ({@code passerelle.privacy.reseal-at}, Paris time), rewrites under the current key what older
 * keys sealed (so that a retired key leaves nothing unreadable behind); every hour the handoffs
 * that expired leave the queue. The sweep reads every key about people: run at each start, it
 * would come at the busiest moments too (a deployment, an instance taking over).
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PrivacyConfiguration.class);

    @Bean
    Rekey rekey(RedisStore store, AddressSealer addresses, EngineConfiguration.TextSealer texts) {
        return new Rekey(store, List.of(addresses, texts.sealer()));
    }

    @Bean
    SmartLifecycle privacyUpkeep(Rekey rekey, RedisStore store, PrivacySettings privacy, Clock clock) {
        var queue = new HandoffQueue(store, privacy.retention(), clock);
        return new SmartLifecycle() {
            private ScheduledExecutorService executor;

            @Override
            public void start() {
                executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    var thread = new Thread(runnable, "privacy-upkeep");
                    thread.setDaemon(true);
                    return thread;
                });
                resealNext(executor, rekey, privacy.resealAt(), clock);
                executor.scheduleWithFixedDelay(() -> sweep(queue), 5, 60, TimeUnit.MINUTES);
            }

            @Override
            public void stop() {
                if (executor != null) {
                    executor.shutdownNow();
                }
            }

            @Override
            public boolean isRunning() {
                return executor != null && !executor.isShutdown();
            }
        };
    }

    // Each sweep schedules the next, so that the hour stays the same across the changes of time.
    private static void resealNext(ScheduledExecutorService executor, Rekey rekey, LocalTime at, Clock clock) {
        if (executor.isShutdown()) {
            return;
        }
        var delay = untilNext(at, ZonedDateTime.now(clock.withZone(Slot.PARIS)));
        try {
            executor.schedule(() -> {
                reseal(rekey);
                resealNext(executor, rekey, at, clock);
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // The application stops: no next sweep.
        }
    }

    /** The time from now to the next time the clock in now's zone shows this time of day. */
    static Duration untilNext(LocalTime at, ZonedDateTime now) {
        var next = now.toLocalDate().atTime(at).atZone(now.getZone());
        if (!next.isAfter(now)) {
            next = now.toLocalDate().plusDays(1).atTime(at).atZone(now.getZone());
        }
        return Duration.between(now, next);
    }

    private static void reseal(Rekey rekey) {
        try {
            var result = rekey.run();
            log.info("re-seal sweep values={} resealed={} unreadable={}", result.values(), result.resealed(),
                    result.unreadable());
            if (result.unreadable() > 0) {
                log.warn("{} sealed values open under no key of the ring: a key was retired too early, or another "
                        + "instance seals with keys this one lacks", result.unreadable());
            }
        } catch (RuntimeException e) {
            // Redis away: the next sweep does it.
            log.warn("re-seal sweep not done: {}", e.getClass().getSimpleName());
        }
    }

    private static void sweep(HandoffQueue queue) {
        try {
            int gone = queue.forgetExpired();
            if (gone > 0) {
                log.info("expired handoffs taken out of the queue count={}", gone);
            }
        } catch (RuntimeException e) {
            log.warn("expired handoffs not swept: {}", e.getClass().getSimpleName());
        }
    }
}
