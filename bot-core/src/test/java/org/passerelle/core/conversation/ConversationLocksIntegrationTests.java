package org.passerelle.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

/** The per-conversation lock of a process: her turns one at a time, nobody else's in her way. */
class ConversationLocksIntegrationTests {

    private final RedisStore store = TestRedis.newStore();
    private final ConversationLocks locks = new ConversationLocks(store, Duration.ofSeconds(5), Duration.ofSeconds(5));
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void close() {
        threads.shutdownNow();
        store.close();
    }

    @Test
    void aTurnOfAnotherPersonNeverWaitsForHers() throws Exception {
        // Two ids that a lock shared by stripes of 64 would have put together.
        var hers = "conv-a";
        var other = IntStream.range(0, 10_000).mapToObj(i -> "conv-" + i)
                .filter(id -> Math.floorMod(id.hashCode(), 64) == Math.floorMod(hers.hashCode(), 64))
                .findFirst().orElseThrow();
        var holding = new CountDownLatch(1);
        var letGo = new CountDownLatch(1);
        var first = threads.submit(() -> locks.locally(hers, locks.deadline(), () -> {
            holding.countDown();
            await(letGo);
            return "hers";
        }));
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

        var second = threads.submit(() -> locks.locally(other, locks.deadline(), () -> "other"));

        assertThat(second.get(2, TimeUnit.SECONDS)).isEqualTo("other");
        letGo.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("hers");
        assertThat(locks.localLocks()).isZero();
    }

    @Test
    void herNextTurnWaitsForTheOneBeforeAndGivesUpAtItsDeadline() throws Exception {
        var holding = new CountDownLatch(1);
        var letGo = new CountDownLatch(1);
        var first = threads.submit(() -> locks.locally("conv-b", locks.deadline(), () -> {
            holding.countDown();
            await(letGo);
            return 1;
        }));
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> locks.locally("conv-b", System.nanoTime() + 50_000_000L, () -> 2))
                .isInstanceOf(ConversationBusyException.class);
        var waiting = threads.submit(() -> locks.locally("conv-b", locks.deadline(), () -> 3));
        Thread.sleep(50);
        assertThat(waiting).isNotDone();
        letGo.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(locks.localLocks()).isZero();
    }

    @Test
    void keepsEachPersonsTurnsApartUnderContentionAndForgetsTheLocksAfter() throws Exception {
        int people = 10;
        int turns = 2_000;
        var counts = new int[people];
        var done = new ArrayList<Future<?>>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            done.add(threads.submit(() -> {
                for (int i = 0; i < turns; i++) {
                    int person = (i + thread) % people;
                    locks.locally("conv-" + person, locks.deadline(), () -> {
                        // Not atomic: only her lock keeps two of her turns from mixing.
                        int seen = counts[person];
                        Thread.onSpinWait();
                        counts[person] = seen + 1;
                        return null;
                    });
                }
            }));
        }
        for (var future : done) {
            future.get(30, TimeUnit.SECONDS);
        }
        assertThat(IntStream.of(counts).sum()).isEqualTo(8 * turns);
        assertThat(counts).containsOnly(8 * turns / people);
        assertThat(locks.localLocks()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
