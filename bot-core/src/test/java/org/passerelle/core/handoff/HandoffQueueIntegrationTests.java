package org.passerelle.core.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.conversation.MutableClock;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;
import redis.clients.jedis.JedisPooled;

/** The queue and the holds on a real Redis: order, atomic claims across instances, the version. */
class HandoffQueueIntegrationTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final RedisStore store = TestRedis.newStore();
    private final HandoffQueue queue = new HandoffQueue(store, Duration.ofDays(30), clock);

    @AfterEach
    void close() {
        store.close();
    }

    private void ask(String id, Priority priority) {
        queue.request(id, Language.FR, Channel.SMS, priority, "sealed-" + id);
        clock.advance(Duration.ofSeconds(1));
    }

    @Test
    void servesDangerThenMinorsThenTheLongestWait() {
        ask("plain-old", Priority.NORMAL);
        ask("minor", Priority.MINOR);
        ask("plain-new", Priority.NORMAL);
        ask("danger", Priority.DANGER);
        ask("plain-raised", Priority.NORMAL);
        ask("plain-raised", Priority.DANGER);

        assertThat(queue.waitingItems()).extracting(InboxItem::conversationId)
                .containsExactly("danger", "plain-raised", "minor", "plain-old", "plain-new");
        assertThat(queue.waitingItems()).allSatisfy(item -> {
            assertThat(item.state()).isEqualTo(HandoffState.WAITING);
            assertThat(item.mediatorId()).isNull();
            assertThat(item.claimedAt()).isNull();
        });
    }

    @Test
    void ofManyMediatorsClaimingAtOnceOnTwoInstancesExactlyOneWins() throws Exception {
        ask("contested", Priority.DANGER);
        var other = new RedisStore(new JedisPooled("127.0.0.1", TestRedis.port()), store.prefix());
        var otherInstance = new HandoffQueue(other, Duration.ofDays(30), clock);
        int claimers = 16;
        var pool = Executors.newFixedThreadPool(claimers);
        var start = new CountDownLatch(1);
        var winners = Collections.synchronizedList(new ArrayList<String>());
        var conflicts = Collections.synchronizedList(new ArrayList<String>());
        try {
            var tasks = new ArrayList<Callable<Void>>();
            for (int i = 0; i < claimers; i++) {
                var mediator = "mediator-" + i;
                var instance = i % 2 == 0 ? queue : otherInstance;
                tasks.add(() -> {
                    start.await();
                    try {
                        instance.claim("contested", mediator);
                        winners.add(mediator);
                    } catch (HandoffConflictException lost) {
                        conflicts.add(mediator);
                    }
                    return null;
                });
            }
            var futures = tasks.stream().map(pool::submit).toList();
            start.countDown();
            for (var future : futures) {
                future.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            other.close();
        }
        assertThat(winners).hasSize(1);
        assertThat(conflicts).hasSize(claimers - 1);
        assertThat(queue.isWaiting("contested")).isFalse();
        assertThat(queue.find("contested")).hasValueSatisfying(item -> {
            assertThat(item.state()).isEqualTo(HandoffState.WITH_MEDIATOR);
            assertThat(item.mediatorId()).isEqualTo(winners.get(0));
            assertThat(item.priority()).isEqualTo(Priority.DANGER);
        });
        assertThat(queue.heldItems()).extracting(InboxItem::conversationId).containsExactly("contested");
    }

    @Test
    void onlyTheHolderTransfersReleasesOrClosesAndUnknownIsUnknown() {
        ask("one", Priority.NORMAL);
        assertThatThrownBy(() -> queue.finish("one", "ana")).isInstanceOf(HandoffConflictException.class);
        var claimed = queue.claim("one", "ana");
        assertThat(claimed.claimedAt()).isEqualTo(clock.instant());
        assertThat(queue.claim("one", "ana").mediatorId()).isEqualTo("ana");
        assertThatThrownBy(() -> queue.claim("one", "bea")).isInstanceOf(HandoffConflictException.class);
        assertThatThrownBy(() -> queue.transfer("one", "bea", "chloe")).isInstanceOf(HandoffConflictException.class);

        clock.advance(Duration.ofMinutes(5));
        var moved = queue.transfer("one", "ana", "bea");
        assertThat(moved.mediatorId()).isEqualTo("bea");
        assertThat(moved.claimedAt()).isEqualTo(clock.instant());
        assertThatThrownBy(() -> queue.finish("one", "ana")).isInstanceOf(HandoffConflictException.class);
        queue.finish("one", "bea");

        assertThat(queue.find("one")).isEmpty();
        assertThat(queue.heldItems()).isEmpty();
        assertThatThrownBy(() -> queue.claim("one", "ana")).isInstanceOf(UnknownHandoffException.class);
        assertThatThrownBy(() -> queue.finish("never", "ana")).isInstanceOf(UnknownHandoffException.class);
    }

    @Test
    void dangerWhileHeldMarksTheHeldConversationWithoutQueueingItAgain() {
        ask("held", Priority.NORMAL);
        queue.claim("held", "ana");
        var before = queue.version();

        assertThat(queue.request("held", Language.FR, Channel.SMS, Priority.DANGER, null)).isFalse();

        assertThat(queue.isWaiting("held")).isFalse();
        assertThat(queue.find("held")).map(InboxItem::priority).contains(Priority.DANGER);
        assertThat(queue.find("held")).map(InboxItem::mediatorId).contains("ana");
        assertThat(queue.sealedAddress("held")).contains("sealed-held");
        assertThat(queue.version()).isGreaterThan(before);
    }

    @Test
    void theVersionMovesWithEveryChangeAndRemoveForgetsEverything() {
        var versions = new ArrayList<Long>();
        versions.add(queue.version());
        ask("a", Priority.NORMAL);
        versions.add(queue.version());
        queue.claim("a", "ana");
        versions.add(queue.version());
        queue.transfer("a", "ana", "bea");
        versions.add(queue.version());
        queue.remove("a");
        versions.add(queue.version());
        assertThat(versions).doesNotHaveDuplicates().isSorted();

        assertThat(queue.find("a")).isEmpty();
        assertThat(queue.heldItems()).isEmpty();
        assertThat(queue.sealedAddress("a")).isEmpty();
        assertThat(store.<java.util.Set<String>>call(jedis -> jedis.keys(store.prefix() + "handoff:a*"))).isEmpty();
    }
}
