package org.passerelle.core.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.passerelle.content.Language;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.stats.Stats;
import org.passerelle.core.store.RedisStore;
import redis.clients.jedis.Response;

/**
 * The bookings, in Redis. Booking, cancelling and moving each run as one Lua script, so that a
 * slot never holds more bookings than places and a person never more upcoming bookings of a
 * service than allowed, whatever the concurrency, across app instances. A person is known only
 * by her conversation's pseudonym. A booking expires {@code retention} after its slot ends.
 * Thread-safe.
 *
 * <p>Every method may throw {@link org.passerelle.core.store.StoreUnavailableException} when
 * Redis fails.
 */
public final class Bookings {

    /** How long a booking is kept after its slot, by default: enough for staff to mark attendance. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    /** The longest nickname kept. */
    public static final int MAX_NICKNAME = Nicknames.MAX_LENGTH;

    // A clash of random codes is rare; this many in a row means something else is wrong.
    private static final int CODE_ATTEMPTS = 20;
    // Answers what was marked before, for the statistics to move a corrected mark, not add one.
    private static final String MARK = """
            if redis.call('exists', KEYS[1]) == 0 then
                return false
            end
            local before = redis.call('hget', KEYS[1], 'attendance') or ''
            redis.call('hset', KEYS[1], 'attendance', ARGV[1])
            return {before, redis.call('hget', KEYS[1], 'service'), redis.call('hget', KEYS[1], 'start')}
            """;

    private final RedisStore store;
    private final Clock clock;
    private final Duration retention;
    private final Supplier<String> codes;
    private final Nicknames nicknames;
    private final Stats stats;

    /**
     * @param store     the Redis store
     * @param clock     the time source: slots that started are gone
     * @param retention how long a booking is kept after its slot ends
     * @param nicknames seals the nicknames before they are written
     */
    public Bookings(RedisStore store, Clock clock, Duration retention, Nicknames nicknames) {
        this(store, clock, retention, nicknames, Stats.off());
    }

    /** Bookings whose attendance marks are counted, by service, on the appointment's day. */
    public Bookings(RedisStore store, Clock clock, Duration retention, Nicknames nicknames, Stats stats) {
        this(store, clock, retention, nicknames, new BookingCodes(), stats);
    }

    Bookings(RedisStore store, Clock clock, Duration retention, Nicknames nicknames, Supplier<String> codes) {
        this(store, clock, retention, nicknames, codes, Stats.off());
    }

    private Bookings(RedisStore store, Clock clock, Duration retention, Nicknames nicknames, Supplier<String> codes,
            Stats stats) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, was " + retention);
        }
        this.store = store;
        this.clock = clock;
        this.retention = retention;
        this.nicknames = Checks.present("nicknames", nicknames);
        this.codes = codes;
        this.stats = stats;
    }

    /** How nicknames are checked and sealed here. */
    public Nicknames nicknames() {
        return nicknames;
    }

    /**
     * Books a place in a slot for a conversation, with a fresh code. The nickname is sealed in
     * the booking and expires with it.
     *
     * @param nickname            what to call her, optional (null or blank for none); checked as
     *                            {@link Nicknames#clean} does
     * @param maxActivePerService how many upcoming bookings of this service she may hold
     * @return the booking, or why it was refused ({@code SLOT_FULL}, {@code TOO_MANY_ACTIVE},
     *         {@code SLOT_GONE}, {@code ALREADY_BOOKED})
     * @throws IllegalArgumentException when the nickname is not acceptable, the limit below 1 or
     *                                  a value is missing
     */
    public BookingResult book(Slot slot, String conversationId, String nickname,
                              Language interpreterLanguage, int maxActivePerService) {
        checkConversation(conversationId);
        Checks.present("interpreterLanguage", interpreterLanguage);
        if (maxActivePerService < 1) {
            throw new IllegalArgumentException("maxActivePerService must be at least 1, was "
                    + maxActivePerService);
        }
        var name = sealedNickname(nickname);
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            var code = codes.get();
            var now = clock.millis();
            Object answer = store.call(jedis -> jedis.eval(BookingScripts.BOOK,
                    List.of(bookingKey(code), slotKey(slot.id()), personKey(conversationId),
                            dayKey(slot.serviceId(), slot.start().toLocalDate())),
                    List.of(code, Integer.toString(slot.capacity()), Integer.toString(maxActivePerService),
                            slot.serviceId(), slot.id(), millis(slot.start()), millis(slot.end()),
                            Long.toString(now), ttl(slot, now), conversationId,
                            nicknames.seal(interpreterLanguage.code()), slot.start().toLocalDate().toString(),
                            name)));
            if (!"CODE_TAKEN".equals(answer)) {
                return "OK".equals(answer) ? booked(code) : refused(answer);
            }
        }
        throw new IllegalStateException("no free booking code after " + CODE_ATTEMPTS + " attempts");
    }

    /**
     * Cancels one of her upcoming bookings and frees its place, in one step.
     *
     * @return false when no upcoming booking of this conversation has this code (someone
     *         else's code is treated as unknown)
     */
    public boolean cancel(String code, String conversationId) {
        checkConversation(conversationId);
        var normalized = BookingCodes.normalize(code);
        if (normalized.isEmpty()) {
            return false;
        }
        var c = normalized.get();
        Object answer = store.call(jedis -> jedis.eval(BookingScripts.CANCEL,
                List.of(bookingKey(c), personKey(conversationId)),
                List.of(c, conversationId, Long.toString(clock.millis()), store.key("booking", ""))));
        return Long.valueOf(1).equals(answer);
    }

    /**
     * Cancels all her upcoming bookings and frees their places, takes her pseudonym and
     * nickname off those that have already started (kept for staff's attendance), and forgets
     * her list, in one step.
     *
     * @return the codes that were hers, cancelled or not
     */
    public List<String> eraseFor(String conversationId) {
        checkConversation(conversationId);
        Object answer = store.call(jedis -> jedis.eval(BookingScripts.ERASE, List.of(personKey(conversationId)),
                List.of(conversationId, Long.toString(clock.millis()), store.key("booking", ""))));
        var codes = new ArrayList<String>();
        if (answer instanceof List<?> list) {
            list.forEach(code -> codes.add(String.valueOf(code)));
        }
        return codes;
    }

    /**
     * Moves one of her upcoming bookings to another slot of the same service, all or nothing:
     * when the new slot is refused the old booking stays. The code stays the same.
     *
     * @return the moved booking, or why not ({@code NOT_FOUND}, {@code SLOT_FULL},
     *         {@code SLOT_GONE}, {@code ALREADY_BOOKED})
     * @throws IllegalArgumentException when the new slot belongs to another service
     */
    public BookingResult move(String code, Slot newSlot, String conversationId) {
        checkConversation(conversationId);
        var normalized = BookingCodes.normalize(code);
        if (normalized.isEmpty()) {
            return new BookingResult.Refused(BookingFailure.NOT_FOUND);
        }
        var c = normalized.get();
        var now = clock.millis();
        Object answer = store.call(jedis -> jedis.eval(BookingScripts.MOVE,
                List.of(bookingKey(c), personKey(conversationId), slotKey(newSlot.id()),
                        dayKey(newSlot.serviceId(), newSlot.start().toLocalDate())),
                List.of(c, conversationId, Long.toString(now), store.key("booking", ""), newSlot.id(),
                        newSlot.serviceId(), millis(newSlot.start()), millis(newSlot.end()),
                        newSlot.start().toLocalDate().toString(), Integer.toString(newSlot.capacity()),
                        ttl(newSlot, now))));
        if ("OTHER_SERVICE".equals(answer)) {
            throw new IllegalArgumentException("newSlot must belong to the booking's service, was "
                    + newSlot.serviceId());
        }
        return "OK".equals(answer) ? booked(c) : refused(answer);
    }

    /** Her upcoming bookings (slot not ended yet), soonest first. */
    public List<Booking> listFor(String conversationId) {
        checkConversation(conversationId);
        var codesOfHers = store.call(jedis -> jedis.hkeys(personKey(conversationId)));
        var now = clock.instant();
        return read(codesOfHers).stream()
                .filter(b -> b.conversationId().equals(conversationId) && b.end().toInstant().isAfter(now))
                .toList();
    }

    /** How many places of the slot are booked. */
    public long count(Slot slot) {
        return store.call(jedis -> jedis.scard(slotKey(slot.id())));
    }

    /**
     * How many places of each slot are booked, by slot id, in one round trip to Redis however many
     * slots a schedule has.
     */
    public Map<String, Long> counts(Collection<Slot> slots) {
        if (slots.isEmpty()) {
            return Map.of();
        }
        var ids = slots.stream().map(Slot::id).distinct().toList();
        List<Long> booked = store.call(jedis -> {
            try (var pipeline = jedis.pipelined()) {
                var replies = ids.stream().map(id -> pipeline.scard(slotKey(id))).toList();
                pipeline.sync();
                return replies.stream().map(Response::get).toList();
            }
        });
        var counts = new HashMap<String, Long>();
        for (int i = 0; i < ids.size(); i++) {
            counts.put(ids.get(i), booked.get(i));
        }
        return counts;
    }

    /** A booking by its code, while it is kept. */
    public Optional<Booking> find(String code) {
        return BookingCodes.normalize(code).flatMap(c -> read(List.of(c)).stream().findFirst());
    }

    /**
     * Marks whether she came; a booking that is gone (cancelled, expired) is left alone.
     *
     * @return false when there is no such booking
     */
    public boolean markAttendance(String code, Attendance attendance) {
        var normalized = BookingCodes.normalize(code);
        if (normalized.isEmpty()) {
            return false;
        }
        var key = bookingKey(normalized.get());
        // Only an existing booking is marked: a mark never brings a cancelled one back.
        Object marked = store.call(jedis -> jedis.eval(MARK, List.of(key), List.of(attendance.name())));
        if (!(marked instanceof List<?> before) || before.size() < 3) {
            return false;
        }
        AttendanceCounts.count(stats, attendance, String.valueOf(before.get(0)), String.valueOf(before.get(1)),
                paris(String.valueOf(before.get(2))).toLocalDate());
        return true;
    }

    /** What staff marked for a booking, if anything. */
    public Optional<Attendance> attendance(String code) {
        return BookingCodes.normalize(code)
                .map(c -> store.<String>call(jedis -> jedis.hget(bookingKey(c), "attendance")))
                .map(Attendance::valueOf);
    }

    /** The bookings of a service on a date (Paris), in slot order then code, for staff. */
    public List<Booking> forDay(String serviceId, LocalDate date) {
        Checks.serviceId(serviceId);
        return read(store.call(jedis -> jedis.smembers(dayKey(serviceId, date))));
    }

    private List<Booking> read(Collection<String> bookingCodes) {
        var codes = List.copyOf(bookingCodes);
        var fields = store.hashes(codes.stream().map(this::bookingKey).toList());
        var bookings = new ArrayList<Booking>(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            if (!fields.get(i).isEmpty()) {
                bookings.add(toBooking(codes.get(i), fields.get(i)));
            }
        }
        bookings.sort(Comparator.comparing(Booking::start).thenComparing(Booking::code));
        return bookings;
    }

    private Booking toBooking(String code, Map<String, String> f) {
        return new Booking(code, f.get("service"), f.get("slot"), paris(f.get("start")),
                paris(f.get("end")), f.get("conversation"), nicknames.open(f.get("nickname")),
                language(f.get("language")),
                Instant.ofEpochMilli(Long.parseLong(f.get("bookedAt"))));
    }

    // Sealed since key ids came; a clear code from before still reads.
    private Language language(String stored) {
        var code = AddressSealer.isSealed(stored) ? nicknames.open(stored).orElse(null) : stored;
        return Language.fromCode(code).orElse(Language.SOURCE);
    }

    private BookingResult booked(String code) {
        return find(code).<BookingResult>map(BookingResult.Booked::new)
                .orElseThrow(() -> new IllegalStateException("booking " + code + " vanished once written"));
    }

    private static BookingResult refused(Object answer) {
        return new BookingResult.Refused(BookingFailure.valueOf(String.valueOf(answer)));
    }

    private String sealedNickname(String nickname) {
        if (nickname == null || nickname.isBlank()) {
            return "";
        }
        // The message names the rule only: a nickname is never repeated in an exception or a log.
        var cleaned = Nicknames.clean(nickname).orElseThrow(() -> new IllegalArgumentException("nickname must be at "
                + "most " + MAX_NICKNAME + " characters, with a letter, and no control or invisible character"));
        return nicknames.seal(cleaned);
    }

    private static void checkConversation(String conversationId) {
        if (conversationId == null || conversationId.isBlank() || conversationId.contains("|")) {
            throw new IllegalArgumentException("conversationId must be a pseudonym, was " + conversationId);
        }
    }

    private String ttl(Slot slot, long nowMillis) {
        return Long.toString(slot.end().toInstant().plus(retention).toEpochMilli() - nowMillis);
    }

    private static String millis(ZonedDateTime time) {
        return Long.toString(time.toInstant().toEpochMilli());
    }

    private static ZonedDateTime paris(String millis) {
        return Instant.ofEpochMilli(Long.parseLong(millis)).atZone(Slot.PARIS);
    }

    private String bookingKey(String code) {
        return store.key("booking", code);
    }

    private String slotKey(String slotId) {
        return store.key("booking", "slot", slotId);
    }

    private String personKey(String conversationId) {
        return store.key("booking", "conv", conversationId);
    }

    private String dayKey(String serviceId, LocalDate date) {
        return store.key("booking", "day", serviceId, date.toString());
    }
}
