package org.passerelle.app;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.passerelle.core.booking.Appointments;
import org.passerelle.core.booking.Bookings;
import org.passerelle.core.booking.Nicknames;
import org.passerelle.core.booking.Reminders;
import org.passerelle.core.conversation.ConversationEngine;
import org.passerelle.core.conversation.ReminderDispatch;
import org.passerelle.core.outbox.Outbox;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.stats.Stats;
import org.passerelle.core.booking.Schedules;
import org.passerelle.core.store.RedisStore;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the appointment schedules and the bookings. */
@Configuration(proxyBeanMethods = false)
class BookingConfiguration {

    /** The services and their schedules; the shipped services are created on the first start. */
    @Bean
    Schedules schedules(RedisStore store) {
        var schedules = new Schedules(store);
        schedules.seedIfEmpty();
        return schedules;
    }

    /** The bookings; a nickname is sealed with the key for texts about a person; attendance is counted. */
    @Bean
    Bookings bookings(RedisStore store, Clock clock, EngineConfiguration.TextSealer texts, Stats stats) {
        return new Bookings(store, clock, Bookings.DEFAULT_RETENTION, new Nicknames(texts.sealer()), stats);
    }

    @Bean
    Reminders reminders(RedisStore store, AddressSealer sealer, Clock clock) {
        return new Reminders(store, sealer, clock);
    }

    /** What the conversation needs to book appointments in the chat, with their reminders. */
    @Bean
    Appointments appointments(Schedules schedules, Bookings bookings, Clock clock, Reminders reminders) {
        return new Appointments(schedules, bookings, clock, reminders);
    }

    @Bean
    ReminderDispatch reminderDispatch(Reminders reminders, Appointments appointments, Outbox outbox,
            ConversationEngine engine) {
        return new ReminderDispatch(reminders, appointments, outbox, engine);
    }

    /** Sends the due reminders every half minute, from start to shutdown. */
    @Bean
    SmartLifecycle reminderLoop(ReminderDispatch dispatch) {
        return new SmartLifecycle() {
            private ScheduledExecutorService executor;

            @Override
            public void start() {
                executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    var thread = new Thread(runnable, "reminders");
                    thread.setDaemon(true);
                    return thread;
                });
                executor.scheduleWithFixedDelay(() -> {
                    try {
                        dispatch.dispatchDue();
                    } catch (RuntimeException e) {
                        // Redis away or a bad entry: the reminders wait in Redis for the next pass.
                        LoggerFactory.getLogger(BookingConfiguration.class).warn("reminders not sent: {}",
                                e.getClass().getSimpleName());
                    }
                }, 5, 30, TimeUnit.SECONDS);
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
}
