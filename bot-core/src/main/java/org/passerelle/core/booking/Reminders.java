package org.passerelle.core.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.passerelle.content.Language;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.store.RedisStore;

/**
 * The reminders of the bookings, the day before and two hours before: a sorted set of due times
 * and one hash per reminder with what is needed to send it (the address sealed). A reminder is
 * claimed by removing it from the set, which only one caller can do, so that several instances
 * send it once.
 */
public final class Reminders {

    /** How long before the start each reminder is due. */
    public static final List<Duration> BEFORE = List.of(Duration.ofDays(1), Duration.ofHours(2));

    private final RedisStore store;
    private final AddressSealer sealer;
    private final Clock clock;

    public Reminders(RedisStore store, AddressSealer sealer, Clock clock) {
        this.store = store;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** A reminder whose time has come, claimed by this caller alone. */
    public record Due(String code, String conversationId, Channel channel, String address, Language language,
            ZonedDateTime start, boolean sameDay) {

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

    /** Claims up to {@code max} reminders that are due now; each is returned to one caller only. */
    public List<Due> claimDue(int max) {
        var now = clock.millis();
        var members = store.call(jedis -> jedis.zrangeByScore(dueKey(), 0, now, 0, max));
        var claimed = new ArrayList<Due>();
        for (var member : members) {
            // Removing it is the claim: of several instances, one gets 1.
            if (store.<Long>call(jedis -> jedis.zrem(dueKey(), member)) == 1L) {
                var fields = store.call(jedis -> jedis.hgetAll(hashKey(member)));
                store.call(jedis -> jedis.del(hashKey(member)));
                if (!fields.isEmpty()) {
                    var start = Instant.ofEpochMilli(Long.parseLong(fields.get("start"))).atZone(Slot.PARIS);
                    claimed.add(new Due(member.substring(0, member.indexOf(':')), fields.get("conv"),
                            Channel.fromId(fields.get("channel")).orElse(Channel.SMS), sealer.open(fields.get("to")),
                            Language.fromCode(fields.get("lang")).orElse(Language.SOURCE), start,
                            start.toLocalDate().equals(Instant.ofEpochMilli(now).atZone(Slot.PARIS).toLocalDate())));
                }
            }
        }
        return claimed;
    }

    /** Forgets the reminders of a booking, when it is cancelled. */
    public void forget(String code) {
        for (int i = 0; i < BEFORE.size(); i++) {
            var member = code + ":" + i;
            store.call(jedis -> {
                jedis.zrem(dueKey(), member);
                return jedis.del(hashKey(member));
            });
        }
    }

    private String dueKey() {
        return store.key("reminder", "due");
    }

    private String hashKey(String member) {
        return store.key("reminder", member);
    }
}
