package org.passerelle.core.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

class SchedulesIntegrationTests {

    private final RedisStore store = TestRedis.newStore();
    private final Schedules schedules = new Schedules(store);

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static ScheduleRule thursday(String start, String end, Recurrence recurrence) {
        return new ScheduleRule("lawyer", DayOfWeek.THURSDAY, LocalTime.parse(start), LocalTime.parse(end),
                Duration.ofMinutes(60), 3, Set.of(Language.FR, Language.ZH), recurrence);
    }

    @Test
    void seedsTheThreeServicesWithNoRulesAndOnlyOnce() {
        schedules.seedIfEmpty();
        schedules.saveService(new Service("lawyer", "pad18.address", Duration.ofMinutes(45), false));
        schedules.seedIfEmpty();

        assertThat(schedules.services()).extracting(Service::id).containsExactly("group", "lawyer", "pad");
        assertThat(schedules.service("lawyer")).contains(
                new Service("lawyer", "pad18.address", Duration.ofMinutes(45), false));
        assertThat(schedules.service("pad")).map(Service::placeKey).contains("pad18.address");
        assertThat(schedules.service("group")).map(Service::placeKey).contains("group.schedule");
        assertThat(schedules.services()).allSatisfy(s -> assertThat(schedules.rules(s.id())).isEmpty());
        assertThat(schedules.slots("pad", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31))).isEmpty();
    }

    @Test
    void unknownOrMalformedServiceIsNotFound() {
        assertThat(schedules.service("nobody")).isEmpty();
        assertThat(schedules.service("Bad:Id")).isEmpty();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> schedules.addRule(thursday("18:00", "20:00", Recurrence.weekly())))
                .withMessageStartingWith("serviceId");
    }

    @Test
    void storesRulesAndExceptionsAndGeneratesSlotsFromThem() {
        schedules.seedIfEmpty();
        var anchor = LocalDate.of(2026, 12, 3);
        var rule = schedules.addRule(thursday("18:00", "20:00", Recurrence.everyOtherWeek(anchor)));
        var closure = schedules.addException(ScheduleException.closedAllDay("lawyer", LocalDate.of(2026, 12, 17)));
        schedules.addException(ScheduleException.extra("lawyer", LocalDate.of(2026, 12, 22), LocalTime.of(14, 0),
                LocalTime.of(15, 0), Duration.ofMinutes(30), 1, Set.of(Language.EN)));

        assertThat(rule.id()).startsWith("r");
        assertThat(schedules.rules("lawyer")).containsExactly(rule);
        assertThat(schedules.exceptions("lawyer")).hasSize(2).first().isEqualTo(closure);
        var slots = schedules.slots("lawyer", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31));
        assertThat(slots).extracting(Slot::id).containsExactly(
                "lawyer.20261203T1800+0100", "lawyer.20261203T1900+0100",
                "lawyer.20261222T1400+0100", "lawyer.20261222T1430+0100",
                "lawyer.20261231T1800+0100", "lawyer.20261231T1900+0100");
        assertThat(slots.get(0).languages()).containsExactlyInAnyOrder(Language.FR, Language.ZH);
        assertThat(slots.get(2).capacity()).isEqualTo(1);
    }

    @Test
    void refusesARuleThatOverlapsAStoredOneNamingBoth() {
        schedules.seedIfEmpty();
        var stored = schedules.addRule(thursday("18:00", "20:00", Recurrence.weekly()));

        assertThatThrownBy(() -> schedules.addRule(thursday("19:00", "21:00", Recurrence.weekly())))
                .isInstanceOf(ScheduleOverlapException.class)
                .hasMessageStartingWith("start: rules overlap")
                .hasMessageContaining(stored.id())
                .satisfies(e -> assertThat(((ScheduleOverlapException) e).conflictingRuleId()).isEqualTo(stored.id()));
        schedules.addRule(thursday("20:00", "21:00", Recurrence.weekly()));
        assertThat(schedules.rules("lawyer")).extracting(r -> r.rule().start().toString())
                .containsExactly("18:00", "20:00");
    }

    @Test
    void alternateWeeksOfTheSameHoursDoNotOverlap() {
        schedules.seedIfEmpty();
        schedules.addRule(thursday("18:00", "20:00", Recurrence.everyOtherWeek(LocalDate.of(2026, 12, 3))));
        schedules.addRule(thursday("18:00", "20:00", Recurrence.everyOtherWeek(LocalDate.of(2026, 12, 10))));

        assertThat(schedules.slots("lawyer", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 14))).hasSize(4);
    }

    @Test
    void overlappingRulesAddedAtTheSameTimeAreNeverBothStored() throws Exception {
        schedules.seedIfEmpty();
        int threads = 16;
        var ready = new CountDownLatch(threads);
        var go = new CountDownLatch(1);
        var stored = Collections.synchronizedList(new ArrayList<String>());
        var pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            int minute = i;
            pool.execute(() -> {
                ready.countDown();
                try {
                    go.await();
                    var start = LocalTime.of(18, minute);
                    stored.add(schedules.addRule(thursday(start.toString(), start.plusHours(1).toString(),
                            Recurrence.weekly())).id());
                } catch (IllegalArgumentException | InterruptedException | IllegalStateException refused) {
                    // Refused as an overlap, or gave up retrying: either way nothing was written.
                }
            });
        }
        ready.await();
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(stored).hasSize(1);
        assertThat(schedules.rules("lawyer")).hasSize(1);
    }

    @Test
    void removesRulesAndExceptionsOnlyFromTheirOwnService() {
        schedules.seedIfEmpty();
        var rule = schedules.addRule(thursday("18:00", "20:00", Recurrence.weekly()));
        var closure = schedules.addException(ScheduleException.closedBetween("lawyer", LocalDate.of(2026, 12, 3),
                LocalTime.of(18, 0), LocalTime.of(19, 0)));

        assertThat(schedules.removeRule("pad", rule.id())).isFalse();
        assertThat(schedules.removeException("pad", closure.id())).isFalse();
        assertThat(schedules.slots("lawyer", LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 3)))
                .extracting(s -> s.start().toLocalTime().toString()).containsExactly("19:00");
        assertThat(schedules.removeException("lawyer", closure.id())).isTrue();
        assertThat(schedules.removeRule("lawyer", rule.id())).isTrue();
        assertThat(schedules.removeRule("lawyer", rule.id())).isFalse();
        assertThat(schedules.rules("lawyer")).isEmpty();
        assertThat(schedules.exceptions("lawyer")).isEmpty();
    }

    @Test
    void inactiveServiceOffersNoSlotsButKeepsItsRules() {
        schedules.seedIfEmpty();
        schedules.addRule(thursday("18:00", "20:00", Recurrence.weekly()));
        schedules.saveService(new Service("lawyer", "bus.schedule", Duration.ofMinutes(30), false));

        assertThat(schedules.slots("lawyer", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 7))).isEmpty();
        assertThat(schedules.rules("lawyer")).hasSize(1);
        assertThat(schedules.service("lawyer")).map(Service::active).contains(false);
    }
}
