package org.passerelle.app;

import java.time.Clock;
import org.passerelle.core.booking.Appointments;
import org.passerelle.core.booking.Bookings;
import org.passerelle.core.booking.Schedules;
import org.passerelle.core.store.RedisStore;
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

    @Bean
    Bookings bookings(RedisStore store, Clock clock) {
        return new Bookings(store, clock, Bookings.DEFAULT_RETENTION);
    }

    /** What the conversation needs to book appointments in the chat. */
    @Bean
    Appointments appointments(Schedules schedules, Bookings bookings, Clock clock) {
        return new Appointments(schedules, bookings, clock);
    }
}
