package org.passerelle.core.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Consumer;
import org.passerelle.content.Language;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.store.RedisScript;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.WriteBatch;

/**
 * The reminders of the bookings, the day before and two hours before: a sorted set of due times
 * and one hash per reminder with what is needed to send it (the address sealed). A reminder is
 * claimed by moving it, in one script, from the due set to a set of claims held for five minutes,
 * which only one caller can do, so that several instances send it once. It leaves the claims
 * with its hash in the same transaction that queues it ({@link #complete}); a claim whose holder
 * died or lost Redis before that is taken up again once its five minutes are over, so that no
 * reminder is lost and none is queued twice.
 */
public final class Reminders {

    /** How long before the start each reminder is due. */
    public static final List<Duration> BEFORE = List.of(Duration.ofDays(1), Duration.ofHours(2));
    /** How long a claim is held before another caller may take the reminder up again. */
    static final Duration CLAIM = Duration.ofMinutes(5);

    // KEYS: claims, due set; ARGV: now, most to claim, claimed until. The claims given up on
    // (held past their time) first, then the reminders that fell due; each moved into the claims.
    private static final RedisScript TAKE = new RedisScript("""
            local taken = {}
            for _, set in ipairs(KEYS) do
              local room = tonumber(ARGV[2]) - #taken
              if room <= 0 then break end
              for _, member in ipairs(redis.call('zrangebyscore', set, 0, ARGV[1], 'LIMIT', 0, room)) do
                redis.call('zrem', set, member)
                redis.call('zadd', KEYS[1], ARGV[3], member)
                taken[#taken + 1] = member
              end
            end
            return taken
            """);

    private final RedisStore store;
    private final AddressSealer sealer;
    private final Clock clock;

    public Reminders(RedisStore store, AddressSealer sealer, Clock clock) {
        this.store = store;
        this.sealer = sealer;
        this.clock = clock;
    }

    /**
     * A reminder whose time has come, claimed by this caller alone.
     *
     * @param member which reminder of which booking, as the claims know it
     */
    public record Due(String member, String code, String conversationId, Channel channel, String address,
            Language language, ZonedDateTime start, boolean sameDay) {

        @Override
        public String toString() {
            return "Due[code=" + code + ", channel=" + channel + "]";
        }
    }

    /** Schedules the reminders of a booking that are still to come. */
    public void schedule(Booking booking, Channel channel, String address, Language language) {
        var now = clock.instant();
        var sealed = sealer.seal(address);
        for (int i = 0; i < BEFORE.size(); i++) {
            var due = booking.start().toInstant().minus(BEFORE.get(i));
            if (!due.isAfter(now)) {
                continue;
            }
            var member = booking.code() + ":" + i;
            var fields = new HashMap<String, String>();
            fields.put("conv", booking.conversationId());
            fields.put("channel", channel.id());
            fields.put("to", sealed);
            fields.put("lang", language.code());
            fields.put("start", Long.toString(booking.start().toInstant().toEpochMilli()));
            long keep = Duration.between(now, booking.start().toInstant()).plusDays(1).toSeconds();
            store.call(jedis -> {
                jedis.hset(hashKey(member), fields);
                jedis.expire(hashKey(member), keep);
                return jedis.zadd(dueKey(), due.toEpochMilli(), member);
            });
        }
    }

    /**
     * Claims up to {@code max} reminders that are due now, or whose earlier claim was given up on;
     * each is returned to one caller only, and is held by it until {@link #complete} or for
     * {@link #CLAIM}.
     *
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    public List<Due> claimDue(int max) {
        var now = clock.millis();
        @SuppressWarnings("unchecked")
        var members = (List<String>) TAKE.run(store, List.of(claimsKey(), dueKey()),
                List.of(Long.toString(now), Integer.toString(max), Long.toString(now + CLAIM.toMillis())));
        var fields = store.hashes(members.stream().map(this::hashKey).toList());
        var claimed = new ArrayList<Due>();
        for (int i = 0; i < members.size(); i++) {
            var member = members.get(i);
            var reminder = fields.get(i);
            if (reminder.isEmpty()) {
                // Forgotten, or kept past its day: nothing to send.
                complete(member, new WriteBatch());
                continue;
            }
            var start = Instant.ofEpochMilli(Long.parseLong(reminder.get("start"))).atZone(Slot.PARIS);
            claimed.add(new Due(member, member.substring(0, member.indexOf(':')), reminder.get("conv"),
                    Channel.fromId(reminder.get("channel")).orElse(Channel.SMS), sealer.open(reminder.get("to")),
                    Language.fromCode(reminder.get("lang")).orElse(Language.SOURCE), start,
                    start.toLocalDate().equals(Instant.ofEpochMilli(now).atZone(Slot.PARIS).toLocalDate())));
        }
        return claimed;
    }

    /**
     * Done with a claimed reminder: it leaves the claims, with its hash, in one transaction with
     * what {@code with} adds to it (its queueing in the outbox), so that it is either queued and
     * gone, or neither.
     *
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    public void complete(Due due, Consumer<WriteBatch> with) {
        var batch = new WriteBatch();
        with.accept(batch);
        complete(due.member(), batch);
    }

    private void complete(String member, WriteBatch batch) {
        var claims = claimsKey();
        var hash = hashKey(member);
        batch.add(tx -> {
            tx.zrem(claims, member);
            tx.del(hash);
        });
        batch.run(store);
    }

    /** Forgets the reminders of a booking, when it is cancelled; in one transaction. */
    public void forget(String code) {
        var due = dueKey();
        var claims = claimsKey();
        var batch = new WriteBatch();
        for (int i = 0; i < BEFORE.size(); i++) {
            var member = code + ":" + i;
            var hash = hashKey(member);
            batch.add(tx -> {
                tx.zrem(due, member);
                tx.zrem(claims, member);
                tx.del(hash);
            });
        }
        batch.run(store);
    }

    private String dueKey() {
        return store.key("reminder", "due");
    }

    private String claimsKey() {
        return store.key("reminder", "claimed");
    }

    private String hashKey(String member) {
        return store.key("reminder", member);
    }
}
