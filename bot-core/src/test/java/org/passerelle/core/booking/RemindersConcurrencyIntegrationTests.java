package org.passerelle.core.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;
import redis.clients.jedis.JedisPooled;

/** Two instances, each with its own connection pool, claiming the same due reminders at once. */
class RemindersConcurrencyIntegrationTests {

    private static final AddressSealer SEALER =
            new AddressSealer("a test secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8));
    private static final int BOOKINGS = 300;
    private static final int THREADS_PER_INSTANCE = 8;

    private RedisStore first;
    private RedisStore second;
    private ExecutorService pool;

    @BeforeEach
    void twoInstances() {
        var prefix = "test-" + UUID.randomUUID() + ":";
        first = new RedisStore(new JedisPooled("127.0.0.1", TestRedis.port()), prefix);
        second = new RedisStore(new JedisPooled("127.0.0.1", TestRedis.port()), prefix);
        pool = Executors.newFixedThreadPool(2 * THREADS_PER_INSTANCE);
    }

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        first.close();
        second.close();
    }

    @Test
    void everyDueReminderIsClaimedByExactlyOneOfTwoInstances() throws Exception {
        var start = ZonedDateTime.parse("2026-12-03T18:00+01:00[Europe/Paris]");
        var scheduling = new Reminders(first, SEALER, Clock.fixed(start.minusDays(3).toInstant(), ZoneOffset.UTC));
        for (int i = 0; i < BOOKINGS; i++) {
            var booking = new Booking("C" + i, "lawyer", "lawyer.slot", start, start.plusHours(1), "conv-" + i,
                    Optional.empty(), Language.FR, start.minusDays(3).toInstant());
            scheduling.schedule(booking, Channel.SMS, "+3360000" + i, Language.FR);
        }
        // Both reminders of every booking are due.
        var later = Clock.fixed(start.minus(Duration.ofMinutes(30)).toInstant(), ZoneOffset.UTC);
        var instances = List.of(new Reminders(first, SEALER, later), new Reminders(second, SEALER, later));
        var go = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<List<String>>>();
        for (int i = 0; i < 2 * THREADS_PER_INSTANCE; i++) {
            var reminders = instances.get(i % 2);
            tasks.add(() -> {
                go.await();
                var claimed = new ArrayList<String>();
                for (var batch = reminders.claimDue(7); !batch.isEmpty(); batch = reminders.claimDue(7)) {
                    batch.forEach(due -> claimed.add(due.code() + "/" + due.address()));
                }
                return claimed;
            });
        }
        var futures = tasks.stream().map(pool::submit).toList();
        go.countDown();

        var all = new ArrayList<String>();
        int claimers = 0;
        for (var future : futures) {
            var claimed = future.get(60, TimeUnit.SECONDS);
            all.addAll(claimed);
            claimers += claimed.isEmpty() ? 0 : 1;
        }
        // Two reminders a booking, each claimed once: every code exactly twice, and none left.
        assertThat(all).hasSize(2 * BOOKINGS);
        assertThat(all.stream().collect(Collectors.groupingBy(claim -> claim, Collectors.counting())))
                .hasSize(BOOKINGS).allSatisfy((claim, count) -> assertThat(count).as(claim).isEqualTo(2L))
                .containsEntry("C7/+33600007", 2L);
        assertThat(claimers).as("threads that claimed some").isGreaterThan(1);
        assertThat(instances.get(0).claimDue(100)).isEmpty();
        assertThat(first.<Long>call(jedis -> jedis.zcard(first.key("reminder", "due")))).isZero();
    }
}
