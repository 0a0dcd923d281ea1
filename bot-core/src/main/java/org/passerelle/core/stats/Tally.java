package org.passerelle.core.stats;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one turn or one action counted, before {@link Stats#record} writes it in one round trip.
 * A dimension is a short lower-case name from a closed set (a channel id, a language code, a
 * topic id, a priority, a service id): anything else is refused, so that no text about a person
 * can become a counter. Not thread-safe: one per turn.
 */
public final class Tally {

    private static final Pattern DIMENSION = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    // Upper bounds of the waiting-time brackets, and their names; the last has no bound.
    private static final List<Duration> WAIT_BOUNDS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(24));
    /** The waiting-time brackets of {@link Metric#CLAIM_WAIT}, shortest first. */
    public static final List<String> WAIT_BRACKETS = List.of("under-1m", "1m-5m", "5m-15m", "15m-1h", "1h-4h",
            "4h-24h", "over-24h");

    private final Map<String, Long> deltas = new LinkedHashMap<>();

    /** Counts one event. */
    public Tally add(Metric metric, String dimension) {
        return add(metric, dimension, 1);
    }

    /**
     * Adds to a counter (a negative amount corrects an earlier count).
     *
     * @throws IllegalArgumentException when the dimension is not a short lower-case name
     */
    public Tally add(Metric metric, String dimension, long amount) {
        if (dimension == null || !DIMENSION.matcher(dimension).matches()) {
            throw new IllegalArgumentException("dimension must be a short lower-case name, was " + dimension);
        }
        deltas.merge(field(metric, dimension), amount, Long::sum);
        return this;
    }

    /** Counts one event by an enum constant's lower-case name ({@code DANGER} → {@code danger}). */
    public Tally add(Metric metric, Enum<?> dimension) {
        return add(metric, dimension.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** A handoff claimed after this wait: its count, its seconds and its bracket. */
    public Tally claimed(Enum<?> priority, Duration wait) {
        var clamped = wait.isNegative() ? Duration.ZERO : wait;
        add(Metric.CLAIMS, priority);
        add(Metric.CLAIM_SECONDS, priority.name().toLowerCase(Locale.ROOT), clamped.toSeconds());
        return add(Metric.CLAIM_WAIT, bracket(clamped));
    }

    /** The bracket of a waiting time, one of {@link #WAIT_BRACKETS}. */
    public static String bracket(Duration wait) {
        for (int i = 0; i < WAIT_BOUNDS.size(); i++) {
            if (wait.compareTo(WAIT_BOUNDS.get(i)) < 0) {
                return WAIT_BRACKETS.get(i);
            }
        }
        return WAIT_BRACKETS.get(WAIT_BRACKETS.size() - 1);
    }

    /** Whether nothing was counted. */
    public boolean isEmpty() {
        return deltas.values().stream().allMatch(delta -> delta == 0);
    }

    /** The hash fields and their amounts, none zero. */
    Map<String, Long> deltas() {
        var nonZero = new LinkedHashMap<String, Long>();
        deltas.forEach((field, delta) -> {
            if (delta != 0) {
                nonZero.put(field, delta);
            }
        });
        return nonZero;
    }

    static String field(Metric metric, String dimension) {
        return metric.key() + "|" + dimension;
    }
}
