package org.passerelle.core.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;
import redis.clients.jedis.JedisPooled;

/** Two app instances, each with its own connection pool, racing on the same Redis keys. */
class BookingsConcurrencyIntegrationTests {

    private static final int THREADS_PER_CLIENT = 200;
    private static final Slot GROUP = BookingsIntegrationTests.slot("group", "2026-12-03T18:00+01:00", 10);

    private RedisStore first;
    private RedisStore second;
    private List<Bookings> clients;
    private ExecutorService pool;

    @BeforeEach
    void twoInstances() {
        var prefix = "test-" + UUID.randomUUID() + ":";
        var clock = Clock.fixed(BookingsIntegrationTests.NOW, ZoneOffset.UTC);
        first = new RedisStore(new JedisPooled("127.0.0.1", TestRedis.port()), prefix);
        second = new RedisStore(new JedisPooled("127.0.0.1", TestRedis.port()), prefix);
        clients = List.of(new Bookings(first, clock, Bookings.DEFAULT_RETENTION, TestNicknames.NICKNAMES),
                new Bookings(second, clock, Bookings.DEFAULT_RETENTION, TestNicknames.NICKNAMES));
        pool = Executors.newFixedThreadPool(2 * THREADS_PER_CLIENT);
    }

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        first.close();
        second.close();
    }

    @Test
    void fourHundredPeopleRacingForTenPlacesGetExactlyTenBookings() throws Exception {
        var tasks = new ArrayList<Callable<BookingResult>>();
        for (int i = 0; i < 2 * THREADS_PER_CLIENT; i++) {
            var client = clients.get(i % 2);
            var conversation = "conv-" + i;
            tasks.add(() -> client.book(GROUP, conversation, null, Language.FR, 1));
        }

        var results = runTogether(tasks);

        assertThat(results).filteredOn(BookingResult::isBooked).hasSize(10);
        assertThat(results).filteredOn(r -> !r.isBooked())
                .hasSize(2 * THREADS_PER_CLIENT - 10)
                .allMatch(r -> r.equals(new BookingResult.Refused(BookingFailure.SLOT_FULL)));
        assertThat(clients.get(0).count(GROUP)).isEqualTo(10);
        assertThat(clients.get(1).forDay("group", LocalDate.of(2026, 12, 3))).hasSize(10);
    }

    @Test
    void cancelAndRebookRacesKeepTheCountExact() throws Exception {
        var holders = new ArrayList<Booking>();
        for (int i = 0; i < 10; i++) {
            holders.add(BookingsIntegrationTests.booked(clients.get(i % 2).book(GROUP, "holder-" + i, null, Language.FR, 1)));
        }
        var cancelled = new AtomicInteger();
        var tasks = new ArrayList<Callable<BookingResult>>();
        for (int i = 0; i < 2 * THREADS_PER_CLIENT; i++) {
            var client = clients.get(i % 2);
            if (i < holders.size()) {
                var holder = holders.get(i);
                tasks.add(() -> {
                    if (client.cancel(holder.code(), holder.conversationId())) {
                        cancelled.incrementAndGet();
                    }
                    return client.book(GROUP, holder.conversationId(), null, Language.FR, 1);
                });
            } else {
                var conversation = "conv-" + i;
                tasks.add(() -> client.book(GROUP, conversation, null, Language.FR, 1));
            }
        }

        var results = runTogether(tasks);

        long booked = results.stream().filter(BookingResult::isBooked).count();
        var active = clients.get(0).forDay("group", LocalDate.of(2026, 12, 3));
        assertThat(cancelled.get()).isEqualTo(10);
        assertThat(booked).isEqualTo(10);
        assertThat(clients.get(1).count(GROUP)).isEqualTo(10 + booked - cancelled.get()).isEqualTo(active.size());
        assertThat(active).extracting(Booking::conversationId).doesNotHaveDuplicates();
        assertThat(results).filteredOn(r -> !r.isBooked())
                .allMatch(r -> r.equals(new BookingResult.Refused(BookingFailure.SLOT_FULL)));
    }

    private List<BookingResult> runTogether(List<Callable<BookingResult>> tasks) throws Exception {
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<BookingResult>>();
        for (var task : tasks) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        var results = new ArrayList<BookingResult>();
        for (var future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }
}
