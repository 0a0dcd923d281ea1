package org.passerelle.core.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

/** A claimed reminder is queued and gone in one step, or taken up again: never lost, never twice. */
class RemindersClaimIntegrationTests {

    private static final AddressSealer SEALER =
            new AddressSealer("a test secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8));
    private static final ZonedDateTime START = ZonedDateTime.parse("2026-12-03T18:00+01:00[Europe/Paris]");

    private final RedisStore store = TestRedis.newStore();

    @AfterEach
    void close() {
        store.close();
    }

    private Reminders at(ZonedDateTime time) {
        return new Reminders(store, SEALER, Clock.fixed(time.toInstant(), ZoneOffset.UTC));
    }

    private void book(String code, String address) {
        var booking = new Booking(code, "lawyer", "lawyer.slot", START, START.plusHours(1), "conv-" + code,
                Optional.empty(), Language.FR, START.minusDays(3).toInstant());
        at(START.minusDays(3)).schedule(booking, Channel.SMS, address, Language.FR);
    }

    @Test
    void aReminderClaimedByAnInstanceThatDiedIsTakenUpAgainOnceItsClaimIsOver() {
        book("K1", "+33600000001");
        var due = START.minusHours(1);

        // The first instance claims both reminders, then dies before queueing them.
        assertThat(at(due).claimDue(10)).hasSize(2);
        assertThat(at(due.plus(Reminders.CLAIM).minusSeconds(1)).claimDue(10)).isEmpty();

        var again = at(due.plus(Reminders.CLAIM).plusSeconds(1)).claimDue(10);

        assertThat(again).hasSize(2).allSatisfy(reminder -> {
            assertThat(reminder.code()).isEqualTo("K1");
            assertThat(reminder.address()).isEqualTo("+33600000001");
            assertThat(reminder.sameDay()).isTrue();
        });
    }

    @Test
    void aCompletedReminderLeavesWithWhatQueuedItAndComesBackNoMore() {
        book("K2", "+33600000002");
        var due = START.minusHours(1);
        var claimed = at(due).claimDue(10);
        assertThat(claimed).hasSize(2);

        // One is queued: the queueing and its leaving are one transaction.
        var queued = store.key("queued");
        at(due).complete(claimed.get(0), batch -> batch.add(tx -> tx.rpush(queued, claimed.get(0).member())));

        assertThat(store.<java.util.List<String>>call(jedis -> jedis.lrange(queued, 0, -1)))
                .containsExactly(claimed.get(0).member());
        var later = at(due.plus(Reminders.CLAIM).plusMinutes(1)).claimDue(10);
        assertThat(later).extracting(Reminders.Due::member).containsExactly(claimed.get(1).member());
        at(due).complete(later.get(0), batch -> { });
        assertThat(at(due.plusDays(1)).claimDue(10)).isEmpty();
        assertThat(store.<Long>call(jedis -> jedis.zcard(store.key("reminder", "claimed")))).isZero();
        assertThat(store.<Boolean>call(jedis -> jedis.exists(store.key("reminder", claimed.get(0).member()))))
                .isFalse();
    }

    @Test
    void aCancelledBookingsClaimedReminderIsForgottenToo() {
        book("K3", "+33600000003");
        var due = START.minusHours(1);
        assertThat(at(due).claimDue(10)).hasSize(2);

        at(due).forget("K3");

        assertThat(at(due.plus(Reminders.CLAIM).plusMinutes(1)).claimDue(10)).isEmpty();
    }
}
