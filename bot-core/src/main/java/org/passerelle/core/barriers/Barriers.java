package org.passerelle.core.barriers;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.StoreUnavailableException;
import org.passerelle.core.store.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Response;

/**
 * The anonymous counters of the barriers met: one hash per month (Europe/Paris),
 * {@code barriers:month:{yyyy-MM}}, whose fields are {@code {topic}|{type}} and whose values are
 * counts. Nothing else is written: no pseudonym, no time finer than the month, no text. A Redis
 * failure while counting is logged and the answer lost, never thrown, so that counting cannot
 * break her turn. The reader gives a range of months as a complete grid (every answer of every
 * topic, zeros included), raw for internal use or published with every count from 1 to 4 shown
 * as {@link BarrierFigure#BELOW_FIVE}. Thread-safe.
 */
public final class Barriers {

    /** The time zone of the months. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** The longest range the reader gives, in months. */
    public static final int MAX_MONTHS = 60;

    private static final Logger log = LoggerFactory.getLogger(Barriers.class);

    private final RedisStore store;
    private final Clock clock;
    private final BarrierSettings settings;

    /**
     * @param store    the Redis store; null for barriers that ask and count nothing
     * @param clock    the time source, which decides the month
     * @param settings whether and when she is asked, how long counters are kept
     */
    public Barriers(RedisStore store, Clock clock, BarrierSettings settings) {
        this.store = store;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Barriers that ask nothing and count nothing, for engines built without them. */
    public static Barriers off() {
        return new Barriers(null, Clock.systemUTC(),
                new BarrierSettings(false, BarrierSettings.DEFAULT_DELAY, BarrierSettings.DEFAULT_RETENTION));
    }

    /** Whether questions are asked. */
    public boolean asking() {
        return store != null && settings.enabled();
    }

    /** The settings. */
    public BarrierSettings settings() {
        return settings;
    }

    /** This month in Paris. */
    public YearMonth thisMonth() {
        return YearMonth.from(clock.instant().atZone(PARIS));
    }

    /** Counts one answer in this month; never throws for a Redis failure. */
    public void count(Barrier barrier) {
        if (store == null) {
            return;
        }
        var batch = new WriteBatch();
        count(barrier, batch);
        try {
            batch.run(store);
        } catch (StoreUnavailableException e) {
            // The figure is worth less than her turn: this one answer is lost, nothing else.
            log.warn("barrier answer not counted: {}", e.getMessage());
        }
    }

    /** Adds one answer of this month to a batch of writes, to be written with them. */
    public void count(Barrier barrier, WriteBatch batch) {
        if (store == null) {
            return;
        }
        var month = thisMonth();
        var key = monthKey(month);
        var field = field(barrier);
        long expireAt = month.plusMonths(1).atDay(1).atStartOfDay(PARIS).toInstant()
                .plus(settings.retention()).getEpochSecond();
        batch.add(tx -> {
            tx.hincrBy(key, field, 1);
            tx.expireAt(key, expireAt);
        });
    }

    /**
     * The raw counts of a range of months, every answer of every topic, zeros included, by month
     * then topic then the order offered. Internal: values below five are there.
     *
     * @throws IllegalArgumentException  when from is after to, or the range is longer than {@link #MAX_MONTHS}
     * @throws StoreUnavailableException when Redis fails
     */
    public Map<YearMonth, Map<Barrier, Long>> raw(YearMonth from, YearMonth to) {
        checkRange(from, to);
        var months = new ArrayList<YearMonth>();
        for (var month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            months.add(month);
        }
        Map<YearMonth, Map<String, String>> hashes = store == null ? Map.of() : read(months);
        var grid = new java.util.LinkedHashMap<YearMonth, Map<Barrier, Long>>();
        for (var month : months) {
            var counts = new EnumMap<Barrier, Long>(Barrier.class);
            var hash = hashes.getOrDefault(month, Map.of());
            for (var barrier : Barrier.values()) {
                counts.put(barrier, parse(hash.get(field(barrier))));
            }
            grid.put(month, counts);
        }
        return grid;
    }

    /**
     * The published counts of a range of months, one figure per month and answer, in the order
     * of {@link #raw}: every value from 1 to 4 is {@link BarrierFigure#BELOW_FIVE}.
     *
     * @throws IllegalArgumentException  when from is after to, or the range is longer than {@link #MAX_MONTHS}
     * @throws StoreUnavailableException when Redis fails
     */
    public List<BarrierFigure> published(YearMonth from, YearMonth to) {
        var figures = new ArrayList<BarrierFigure>();
        raw(from, to).forEach((month, counts) -> counts.forEach((barrier, count) ->
                figures.add(new BarrierFigure(month, barrier, BarrierFigure.publish(count)))));
        return figures;
    }

    /**
     * Checks a range of months for the reader.
     *
     * @throws IllegalArgumentException when from is after to, or the range is longer than {@link #MAX_MONTHS}
     */
    public static void checkRange(YearMonth from, YearMonth to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to, was " + from + " → " + to);
        }
        long months = ChronoUnit.MONTHS.between(from, to) + 1;
        if (months > MAX_MONTHS) {
            throw new IllegalArgumentException("the range must be at most " + MAX_MONTHS + " months, was " + months);
        }
    }

    private Map<YearMonth, Map<String, String>> read(List<YearMonth> months) {
        return store.call(jedis -> {
            try (var pipeline = jedis.pipelined()) {
                var responses = new HashMap<YearMonth, Response<Map<String, String>>>();
                months.forEach(month -> responses.put(month, pipeline.hgetAll(monthKey(month))));
                pipeline.sync();
                var read = new HashMap<YearMonth, Map<String, String>>();
                responses.forEach((month, response) -> read.put(month, response.get()));
                return read;
            }
        });
    }

    // A value written by hand or damaged counts as nothing rather than failing the page.
    private static long parse(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String field(Barrier barrier) {
        return barrier.topic().id() + "|" + barrier.type();
    }

    private String monthKey(YearMonth month) {
        return store.key("barriers", "month", month.toString());
    }
}
