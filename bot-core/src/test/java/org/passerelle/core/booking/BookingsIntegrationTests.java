package org.passerelle.core.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

class BookingsIntegrationTests {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final RedisStore store = TestRedis.newStore();
    private final Bookings bookings = new Bookings(store, Clock.fixed(NOW, ZoneOffset.UTC), Bookings.DEFAULT_RETENTION,
            TestNicknames.NICKNAMES);

    @AfterEach
    void closeStore() {
        store.close();
    }

    static Slot slot(String service, String start, int capacity) {
        var begins = ZonedDateTime.parse(start + "[Europe/Paris]");
        return new Slot(service, begins, begins.plusHours(1), capacity, Set.of(Language.FR, Language.ZH));
    }

    @Test
    void bookingGivesAShortUnambiguousCodeAndTakesOnePlace() {
        var slot = slot("lawyer", "2026-12-03T18:00+01:00", 3);

        var result = bookings.book(slot, "conv-a", "Mimi", Language.ZH, 1);

        assertThat(result).isInstanceOf(BookingResult.Booked.class);
        var booking = ((BookingResult.Booked) result).booking();
        assertThat(booking.code()).hasSize(5).matches("[23456789A-HJ-NP-Z]+");
        assertThat(booking.slotId()).isEqualTo("lawyer.20261203T1800+0100");
        assertThat(booking.start()).isEqualTo(slot.start());
        assertThat(booking.nickname()).contains("Mimi");
        assertThat(booking.interpreterLanguage()).isEqualTo(Language.ZH);
        assertThat(booking.bookedAt()).isEqualTo(NOW);
        assertThat(bookings.count(slot)).isEqualTo(1);
        assertThat(bookings.find(booking.code().toLowerCase())).contains(booking);
    }

    @Test
    void countsThePlacesOfManySlotsAtOnceAndZeroForAnEmptyOne() {
        var busy = slot("lawyer", "2026-12-03T18:00+01:00", 3);
        var quiet = slot("lawyer", "2026-12-03T19:00+01:00", 3);
        var empty = slot("pad", "2026-12-04T14:00+01:00", 2);
        bookings.book(busy, "conv-a", null, Language.FR, 1);
        bookings.book(busy, "conv-b", null, Language.FR, 1);
        bookings.book(quiet, "conv-c", null, Language.FR, 1);

        var counts = bookings.counts(List.of(busy, quiet, empty));

        assertThat(counts).containsEntry(busy.id(), 2L).containsEntry(quiet.id(), 1L).containsEntry(empty.id(), 0L);
        assertThat(bookings.counts(List.of())).isEmpty();
    }

    @Test
    void nicknameIsOptionalAndNeverRequired() {
        var result = bookings.book(slot("pad", "2026-12-04T14:00+01:00", 2), "conv-a", "  ", Language.FR, 1);

        assertThat(booked(result).nickname()).isEmpty();
    }

    @Test
    void listsHerUpcomingBookingsSoonestFirstAndNotOthers() {
        var later = booked(bookings.book(slot("lawyer", "2026-12-10T18:00+01:00", 3), "conv-a", null, Language.FR, 2));
        var sooner = booked(bookings.book(slot("pad", "2026-12-02T14:00+01:00", 3), "conv-a", null, Language.FR, 2));
        bookings.book(slot("lawyer", "2026-12-10T18:00+01:00", 3), "conv-b", null, Language.FR, 2);

        assertThat(bookings.listFor("conv-a")).containsExactly(sooner, later);
    }

    @Test
    void cancelFreesThePlaceAndOnlyHerOwnBooking() {
        var slot = slot("lawyer", "2026-12-03T18:00+01:00", 1);
        var mine = booked(bookings.book(slot, "conv-a", null, Language.FR, 1));

        assertThat(bookings.cancel(mine.code(), "conv-b")).isFalse();
        assertThat(bookings.count(slot)).isEqualTo(1);
        assertThat(bookings.cancel(mine.code(), "conv-a")).isTrue();
        assertThat(bookings.cancel(mine.code(), "conv-a")).isFalse();
        assertThat(bookings.count(slot)).isZero();
        assertThat(bookings.listFor("conv-a")).isEmpty();
        assertThat(bookings.find(mine.code())).isEmpty();
        assertThat(bookings.book(slot, "conv-b", null, Language.FR, 1).isBooked()).isTrue();
    }

    @Test
    void moveKeepsTheCodeAndFreesTheOldPlace() {
        var first = slot("lawyer", "2026-12-03T18:00+01:00", 1);
        var second = slot("lawyer", "2026-12-10T18:00+01:00", 1);
        var mine = booked(bookings.book(first, "conv-a", "Mimi", Language.RO, 1));

        var moved = booked(bookings.move(mine.code(), second, "conv-a"));

        assertThat(moved.code()).isEqualTo(mine.code());
        assertThat(moved.slotId()).isEqualTo(second.id());
        assertThat(moved.nickname()).contains("Mimi");
        assertThat(bookings.count(first)).isZero();
        assertThat(bookings.count(second)).isEqualTo(1);
        assertThat(bookings.forDay("lawyer", LocalDate.of(2026, 12, 3))).isEmpty();
        assertThat(bookings.forDay("lawyer", LocalDate.of(2026, 12, 10))).containsExactly(moved);
        assertThat(bookings.listFor("conv-a")).containsExactly(moved);
    }

    @Test
    void moveToAFullSlotLeavesTheBookingWhereItWas() {
        var first = slot("lawyer", "2026-12-03T18:00+01:00", 1);
        var full = slot("lawyer", "2026-12-10T18:00+01:00", 1);
        var mine = booked(bookings.book(first, "conv-a", null, Language.FR, 1));
        bookings.book(full, "conv-b", null, Language.FR, 1);

        assertThat(bookings.move(mine.code(), full, "conv-a")).isEqualTo(new BookingResult.Refused(BookingFailure.SLOT_FULL));
        assertThat(bookings.move(mine.code(), full, "conv-b")).isEqualTo(new BookingResult.Refused(BookingFailure.NOT_FOUND));
        assertThat(bookings.count(first)).isEqualTo(1);
        assertThat(bookings.count(full)).isEqualTo(1);
        assertThat(bookings.listFor("conv-a")).containsExactly(mine);
    }

    @Test
    void moveStaysWithinTheService() {
        var mine = booked(bookings.book(slot("lawyer", "2026-12-03T18:00+01:00", 1), "conv-a", null, Language.FR, 1));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> bookings.move(mine.code(), slot("pad", "2026-12-04T14:00+01:00", 1), "conv-a"))
                .withMessageStartingWith("newSlot");
    }

    @Test
    void limitsHerUpcomingBookingsPerServiceButNotAcrossServices() {
        bookings.book(slot("lawyer", "2026-12-03T18:00+01:00", 5), "conv-a", null, Language.FR, 1);

        assertThat(bookings.book(slot("lawyer", "2026-12-10T18:00+01:00", 5), "conv-a", null, Language.FR, 1))
                .isEqualTo(new BookingResult.Refused(BookingFailure.TOO_MANY_ACTIVE));
        assertThat(bookings.book(slot("pad", "2026-12-10T14:00+01:00", 5), "conv-a", null, Language.FR, 1).isBooked())
                .isTrue();
    }

    @Test
    void pastBookingsNoLongerCountAgainstHerLimit() {
        var early = slot("lawyer", "2026-12-01T08:00+01:00", 5);
        var laterClock = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);
        new Bookings(store, laterClock, Bookings.DEFAULT_RETENTION, TestNicknames.NICKNAMES)
                .book(early, "conv-a", null, Language.FR, 1);

        assertThat(bookings.book(slot("lawyer", "2026-12-10T18:00+01:00", 5), "conv-a", null, Language.FR, 1).isBooked())
                .isTrue();
    }

    @Test
    void refusesTheSameSlotTwiceAndASlotThatStarted() {
        var slot = slot("group", "2026-12-03T18:00+01:00", 10);
        bookings.book(slot, "conv-a", null, Language.FR, 3);

        assertThat(bookings.book(slot, "conv-a", null, Language.FR, 3))
                .isEqualTo(new BookingResult.Refused(BookingFailure.ALREADY_BOOKED));
        assertThat(bookings.book(slot("group", "2026-12-01T10:30+01:00", 10), "conv-a", null, Language.FR, 3))
                .isEqualTo(new BookingResult.Refused(BookingFailure.SLOT_GONE));
        assertThat(bookings.count(slot)).isEqualTo(1);
    }

    @Test
    void aFullSlotRefusesTheNextPerson() {
        var slot = slot("pad", "2026-12-03T14:00+01:00", 1);
        bookings.book(slot, "conv-a", null, Language.FR, 1);

        assertThat(bookings.book(slot, "conv-b", null, Language.FR, 1))
                .isEqualTo(new BookingResult.Refused(BookingFailure.SLOT_FULL));
    }

    @Test
    void aCodeAlreadyInUseIsNeverGivenTwice() {
        Supplier<String> clashing = new ArrayDeque<>(List.of("K7P2X", "K7P2X", "K7P2X", "M4QZ9"))::poll;
        var scripted = new Bookings(store, Clock.fixed(NOW, ZoneOffset.UTC), Bookings.DEFAULT_RETENTION,
                TestNicknames.NICKNAMES, clashing);
        var slot = slot("group", "2026-12-03T18:00+01:00", 10);

        var first = booked(scripted.book(slot, "conv-a", null, Language.FR, 1));
        var second = booked(scripted.book(slot, "conv-b", null, Language.FR, 1));

        assertThat(first.code()).isEqualTo("K7P2X");
        assertThat(second.code()).isEqualTo("M4QZ9");
        assertThat(bookings.find("K7P2X").map(Booking::conversationId)).contains("conv-a");
    }

    @Test
    void randomCodesAreUniqueOverManyBookings() {
        var slot = slot("group", "2026-12-03T18:00+01:00", 500);
        for (int i = 0; i < 500; i++) {
            bookings.book(slot, "conv-" + i, null, Language.FR, 1);
        }

        assertThat(bookings.forDay("group", LocalDate.of(2026, 12, 3)))
                .hasSize(500).extracting(Booking::code).doesNotHaveDuplicates();
    }

    @Test
    void bookingsExpireSomeDaysAfterTheirSlotAndKeysHoldNoPhoneNumber() {
        var slot = slot("lawyer", "2026-12-03T18:00+01:00", 3);
        var code = booked(bookings.book(slot, "conv-a", null, Language.FR, 1)).code();
        long expected = Duration.between(NOW, slot.end().toInstant().plus(Bookings.DEFAULT_RETENTION)).toMillis();

        var keys = store.call(jedis -> jedis.keys(store.prefix() + "*"));
        assertThat(keys).hasSize(4).allSatisfy(key -> {
            long left = store.call(jedis -> jedis.pttl(key));
            assertThat(left).isBetween(expected - 60_000, expected);
            assertThat(key.substring(store.prefix().length())).doesNotContainPattern("\\+?\\d{9,}");
        });
        assertThat(keys).contains(store.key("booking", code), store.key("booking", "conv", "conv-a"));
    }

    @Test
    void staffSeeADaysBookingsInSlotOrder() {
        var late = booked(bookings.book(slot("pad", "2026-12-03T16:00+01:00", 3), "conv-a", null, Language.FR, 1));
        var early = booked(bookings.book(slot("pad", "2026-12-03T14:00+01:00", 3), "conv-b", "Lou", Language.AR, 1));
        bookings.book(slot("lawyer", "2026-12-03T14:00+01:00", 3), "conv-c", null, Language.FR, 1);

        assertThat(bookings.forDay("pad", LocalDate.of(2026, 12, 3))).containsExactly(early, late);
    }

    @Test
    void erasingHerFreesHerUpcomingPlacesAndLeavesNoTraceOfHerOnOnesThatStarted() {
        var upcoming = slot("lawyer", "2026-12-10T18:00+01:00", 1);
        var later = slot("pad", "2026-12-11T14:00+01:00", 2);
        var started = slot("group", "2026-12-01T10:30+01:00", 10);
        var early = new Bookings(store, Clock.fixed(NOW.minus(Duration.ofDays(1)), ZoneOffset.UTC),
                Bookings.DEFAULT_RETENTION, TestNicknames.NICKNAMES);
        var going = booked(early.book(started, "conv-a", "Mimi", Language.FR, 1));
        var first = booked(bookings.book(upcoming, "conv-a", "Mimi", Language.FR, 1));
        var second = booked(bookings.book(later, "conv-a", null, Language.FR, 1));
        var other = booked(bookings.book(later, "conv-b", null, Language.FR, 1));

        assertThat(bookings.eraseFor("conv-a"))
                .containsExactlyInAnyOrder(going.code(), first.code(), second.code());

        assertThat(bookings.count(upcoming)).isZero();
        assertThat(bookings.count(later)).isEqualTo(1);
        assertThat(bookings.find(first.code())).isEmpty();
        assertThat(bookings.forDay("lawyer", LocalDate.of(2026, 12, 10))).isEmpty();
        assertThat(bookings.forDay("pad", LocalDate.of(2026, 12, 11))).containsExactly(other);
        assertThat(bookings.listFor("conv-a")).isEmpty();
        assertThat(bookings.find(going.code())).hasValueSatisfying(kept -> {
            assertThat(kept.conversationId()).isNull();
            assertThat(kept.nickname()).isEmpty();
            assertThat(kept.start()).isEqualTo(started.start());
        });
        assertThat(store.<Boolean>call(jedis -> jedis.exists(store.key("booking", "conv", "conv-a")))).isFalse();
        assertThat(booked(bookings.book(upcoming, "conv-c", null, Language.EN, 1)).slotId()).isEqualTo(upcoming.id());
    }

    @Test
    void sealsTheNicknameInRedisAndItExpiresWithTheBooking() {
        var slot = slot("pad", "2026-12-03T14:00+01:00", 3);
        var booking = booked(bookings.book(slot, "conv-a", " Mimi\u200B ", Language.ZH, 1));
        var key = store.key("booking", booking.code());
        String stored = store.call(jedis -> jedis.hget(key, "nickname"));
        assertThat(stored).startsWith("k:s0:").doesNotContain("Mimi");
        assertThat(bookings.find(booking.code()).orElseThrow().nickname()).contains("Mimi");
        // The interpreter's language too: a dump does not tell which language she speaks.
        assertThat(store.<String>call(jedis -> jedis.hget(key, "language"))).startsWith("k:s0:");
        assertThat(bookings.find(booking.code()).orElseThrow().interpreterLanguage()).isEqualTo(Language.ZH);
        // The nickname lives in the booking's own hash, so it goes when the booking expires.
        assertThat(store.<Long>call(jedis -> jedis.pttl(key))).isPositive();
        var otherKey = new Bookings(store, Clock.fixed(NOW, ZoneOffset.UTC), Bookings.DEFAULT_RETENTION,
                new Nicknames(org.passerelle.core.privacy.AddressSealer.forTexts(
                        "another secret, also thirty-two bytes long".getBytes())));
        assertThat(otherKey.find(booking.code()).orElseThrow().nickname()).isEmpty();
    }

    @Test
    void refusesANicknameThatIsTooLongAndAMissingConversation() {
        var slot = slot("pad", "2026-12-03T14:00+01:00", 3);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> bookings.book(slot, "conv-a", "x".repeat(31), Language.FR, 1))
                .withMessageStartingWith("nickname");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> bookings.book(slot, "conv-a", "06 12 34 56 78", Language.FR, 1))
                .withMessageStartingWith("nickname").withMessageNotContaining("06");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> bookings.book(slot, " ", null, Language.FR, 1))
                .withMessageStartingWith("conversationId");
        assertThat(bookings.count(slot)).isZero();
    }

    static Booking booked(BookingResult result) {
        assertThat(result).isInstanceOf(BookingResult.Booked.class);
        return ((BookingResult.Booked) result).booking();
    }
}
