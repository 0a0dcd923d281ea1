package org.passerelle.core.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.passerelle.core.store.RedisScript;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.WriteBatch;
import org.passerelle.core.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Response;

/**
 * The anonymous daily counters: one hash per day (Europe/Paris), {@code stats:day:{date}}, whose
 * fields are {@code {metric}|{dimension}} and whose values are counts (or a sum of seconds). A
 * {@link Tally} is written in one round trip, with the day's expiry; a Redis failure is logged
 * and the tally dropped, never thrown, so that counting cannot break the work it counts. The
 * reader gives a range of days as rows, raw for internal use or published with every figure
 * from 1 to 4 replaced by {@link Figure#BELOW_FIVE}. Thread-safe.
 */
public final class Stats {

    /** The time zone of the days. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** The longest range the reader gives, in days. */
    public static final int MAX_DAYS = 366;

    private static final Logger log = LoggerFactory.getLogger(Stats.class);
    private static final RedisScript ADD = new RedisScript("""
            for i = 2, #ARGV, 2 do
                redis.call('hincrby', KEYS[1], ARGV[i], ARGV[i + 1])
            end
            redis.call('expireat', KEYS[1], ARGV[1])
            return 1
            """);

    private final RedisStore store;
    private final Clock clock;
    private final StatsSettings settings;

    /**
     * @param store    the Redis store; null for statistics that count nothing
     * @param clock    the time source, which decides the day
     * @param settings how long counters are kept
     */
    public Stats(RedisStore store, Clock clock, StatsSettings settings) {
        this.store = store;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Statistics that count nothing and read nothing, for engines built without them. */
    public static Stats off() {
        return new Stats(null, Clock.systemUTC(), StatsSettings.defaults());
    }

    /** Today in Paris. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), PARIS);
    }

    /** Writes what was counted today; never throws for a Redis failure. */
    public void record(Tally tally) {
        record(today(), tally);
    }

    /** Writes what was counted on a given day (an appointment's); never throws for a Redis failure. */
    public void record(LocalDate day, Tally tally) {
        if (store == null || tally.isEmpty()) {
            return;
        }
        var args = new ArrayList<String>();
        args.add(Long.toString(expireAt(day)));
        tally.deltas().forEach((field, delta) -> {
            args.add(field);
            args.add(Long.toString(delta));
        });
        try {
            ADD.run(store, List.of(dayKey(day)), args);
        } catch (StoreUnavailableException e) {
            // Figures are worth less than the turn: the counts of this event are lost, nothing else.
            log.warn("statistics not counted: {}", e.getMessage());
        }
    }

    /**
     * Adds what was counted today to a batch of writes, to be written with them (and lost with
     * them if Redis fails).
     */
    public void record(Tally tally, WriteBatch batch) {
        if (store == null || tally.isEmpty()) {
            return;
        }
        var day = today();
        var key = dayKey(day);
        long expireAt = expireAt(day);
        var deltas = tally.deltas();
        batch.add(tx -> {
            deltas.forEach((field, delta) -> tx.hincrBy(key, field, delta));
            tx.expireAt(key, expireAt);
        });
    }

    private long expireAt(LocalDate day) {
        return day.plusDays(1).atStartOfDay(PARIS).plus(settings.retention()).toEpochSecond();
    }

    /**
     * The raw counters of a range of days, by day then metric then dimension; zeros left out.
     * Internal: values below five are there.
     *
     * @throws IllegalArgumentException when from is after to, or the range is longer than {@link #MAX_DAYS}
     * @throws StoreUnavailableException when Redis fails
     */
    public List<StatRow> raw(LocalDate from, LocalDate to) {
        checkRange(from, to);
        if (store == null) {
            return List.of();
        }
        var days = from.datesUntil(to.plusDays(1)).toList();
        Map<LocalDate, Map<String, String>> hashes = store.call(jedis -> {
            try (var pipeline = jedis.pipelined()) {
                var responses = new HashMap<LocalDate, Response<Map<String, String>>>();
                days.forEach(day -> responses.put(day, pipeline.hgetAll(dayKey(day))));
                pipeline.sync();
                var read = new HashMap<LocalDate, Map<String, String>>();
                responses.forEach((day, response) -> read.put(day, response.get()));
                return read;
            }
        });
        var rows = new ArrayList<StatRow>();
        for (var day : days) {
            hashes.getOrDefault(day, Map.of()).forEach((field, value) -> row(day, field, value).ifPresent(rows::add));
        }
        rows.sort(Comparator.comparing(StatRow::day).thenComparing(r -> r.metric().ordinal())
                .thenComparing(StatRow::dimension));
        return rows;
    }

    /**
     * The published figures of a range of days: every value from 1 to 4 is shown as
     * {@link Figure#BELOW_FIVE}, and so is a sum whose count is from 1 to 4.
     *
     * @throws IllegalArgumentException when from is after to, or the range is longer than {@link #MAX_DAYS}
     * @throws StoreUnavailableException when Redis fails
     */
    public List<Figure> published(LocalDate from, LocalDate to) {
        var rows = raw(from, to);
        var values = new HashMap<String, Long>();
        rows.forEach(r -> values.put(r.day() + "|" + Tally.field(r.metric(), r.dimension()), r.value()));
        return rows.stream().map(r -> {
            boolean hidden = small(r.value()) || r.metric().countedBy()
                    .map(count -> values.getOrDefault(r.day() + "|" + Tally.field(count, r.dimension()), 0L))
                    .filter(Stats::small).isPresent();
            return new Figure(r.day(), r.metric().key(), r.dimension(),
                    hidden ? Figure.BELOW_FIVE : Long.toString(r.value()));
        }).toList();
    }

    /**
     * Checks a range of days for the reader.
     *
     * @throws IllegalArgumentException when from is after to, or the range is longer than {@link #MAX_DAYS}
     */
    public static void checkRange(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to, was " + from + " → " + to);
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new IllegalArgumentException("the range must be at most " + MAX_DAYS + " days, was "
                    + (ChronoUnit.DAYS.between(from, to) + 1));
        }
    }

    private static boolean small(long value) {
        return value > 0 && value < Figure.THRESHOLD;
    }

    // A field written by an older version, or by hand, is skipped rather than shown.
    private static java.util.Optional<StatRow> row(LocalDate day, String field, String value) {
        int bar = field.indexOf('|');
        if (bar <= 0) {
            return java.util.Optional.empty();
        }
        long amount;
        try {
            amount = Long.parseLong(value);
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
        var dimension = field.substring(bar + 1);
        return Metric.fromKey(field.substring(0, bar)).filter(m -> amount > 0)
                .map(metric -> new StatRow(day, metric, dimension, amount));
    }

    private String dayKey(LocalDate day) {
        return store.key("stats", "day", day.toString());
    }
}
