package org.passerelle.core.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

class AttendanceIntegrationTests {

    private final RedisStore store = TestRedis.newStore();
    private final Bookings bookings = new Bookings(store,
            Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC), Bookings.DEFAULT_RETENTION,
            TestNicknames.NICKNAMES);
    private final Slot slot = new Slot("pad", ZonedDateTime.of(2026, 12, 1, 14, 0, 0, 0, Slot.PARIS),
            ZonedDateTime.of(2026, 12, 1, 15, 0, 0, 0, Slot.PARIS), 2, Set.of(Language.FR));

    @AfterEach
    void close() {
        store.close();
    }

    private String book(String conversationId) {
        var result = bookings.book(slot, conversationId, null, Language.FR, 1);
        return ((BookingResult.Booked) result).booking().code();
    }

    @Test
    void marksWhetherSheCameAndReadsItBack() {
        var code = book("conversation-aaaaaaaaaaaaaaaa");
        assertThat(bookings.attendance(code)).isEmpty();
        assertThat(bookings.markAttendance(code.toLowerCase(), Attendance.ATTENDED)).isTrue();
        assertThat(bookings.attendance(code)).contains(Attendance.ATTENDED);
        assertThat(bookings.markAttendance(code, Attendance.NO_SHOW)).isTrue();
        assertThat(bookings.attendance(code)).contains(Attendance.NO_SHOW);
    }

    @Test
    void neverBringsBackACancelledBooking() {
        var code = book("conversation-bbbbbbbbbbbbbbbb");
        bookings.cancel(code, "conversation-bbbbbbbbbbbbbbbb");
        assertThat(bookings.markAttendance(code, Attendance.ATTENDED)).isFalse();
        assertThat(bookings.find(code)).isEmpty();
        assertThat(store.<Boolean>call(jedis -> jedis.exists(store.key("booking", code)))).isFalse();
        assertThat(Attendance.fromApi("no-show")).contains(Attendance.NO_SHOW);
        assertThat(Attendance.fromApi("maybe")).isEmpty();
    }
}
