package org.passerelle.core.barriers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What her conversation remembers about the barrier questions, and nothing of her answers: when
 * she first read each of the three topics, which topics she was already asked about, when the
 * last question was asked or answered, and whether questions are off for good because danger or
 * a minor was detected. Kept in her conversation state, so it expires and is erased with it.
 * Immutable.
 *
 * @param read      when she first read each topic not yet asked about
 * @param asked     the topics she was asked about (answered, declined or ignored alike)
 * @param lastAsked when a question was last asked or answered, null for never
 * @param off       whether no question may ever be asked in this conversation
 */
public record BarrierMemory(Map<BarrierTopic, Instant> read, Set<BarrierTopic> asked, Instant lastAsked,
        boolean off) {

    /** Nothing remembered. */
    public static final BarrierMemory NONE = new BarrierMemory(Map.of(), Set.of(), null, false);

    public BarrierMemory {
        read = read.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(read));
        asked = asked.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(asked));
    }

    /** She read this topic now; the first reading counts, and a topic asked about is not read again. */
    public BarrierMemory reading(BarrierTopic topic, Instant now) {
        if (off || asked.contains(topic) || read.containsKey(topic)) {
            return this;
        }
        var more = new EnumMap<BarrierTopic, Instant>(BarrierTopic.class);
        more.putAll(read);
        more.put(topic, now);
        return new BarrierMemory(more, asked, lastAsked, off);
    }

    /**
     * The topic to ask about now, if any: the first of the three she read at least {@code delay}
     * ago and was never asked about, when no question was asked or answered within that delay.
     */
    public Optional<BarrierTopic> due(Instant now, Duration delay) {
        if (off || (lastAsked != null && lastAsked.plus(delay).isAfter(now))) {
            return Optional.empty();
        }
        for (var topic : BarrierTopic.values()) {
            var when = read.get(topic);
            if (when != null && !asked.contains(topic) && !when.plus(delay).isAfter(now)) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }

    /** She is asked about this topic now: never again. */
    public BarrierMemory asking(BarrierTopic topic, Instant now) {
        var left = new EnumMap<BarrierTopic, Instant>(BarrierTopic.class);
        left.putAll(read);
        left.remove(topic);
        var done = EnumSet.noneOf(BarrierTopic.class);
        done.addAll(asked);
        done.add(topic);
        return new BarrierMemory(left, done, now, off);
    }

    /** She answered a question now: no other question within the delay. */
    public BarrierMemory answered(Instant now) {
        return new BarrierMemory(read, asked, now, off);
    }

    /** Danger or a minor was detected: no question ever, and nothing more to remember. */
    public BarrierMemory silenced() {
        return new BarrierMemory(Map.of(), Set.of(), null, true);
    }

    /** Whether there is nothing to keep. */
    public boolean isEmpty() {
        return !off && read.isEmpty() && asked.isEmpty() && lastAsked == null;
    }

    /** A short form for her state's hash: topic ids and epoch seconds, no text. */
    public String encode() {
        if (off) {
            return "off";
        }
        var parts = new ArrayList<String>();
        for (var topic : BarrierTopic.values()) {
            if (read.containsKey(topic)) {
                parts.add("read:" + topic.id() + ":" + read.get(topic).getEpochSecond());
            }
            if (asked.contains(topic)) {
                parts.add("asked:" + topic.id());
            }
        }
        if (lastAsked != null) {
            parts.add("last:" + lastAsked.getEpochSecond());
        }
        return String.join(" ", parts);
    }

    /** Reads {@link #encode()}'s form; a part it does not know is left out. */
    public static BarrierMemory decode(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return NONE;
        }
        if (encoded.strip().equals("off")) {
            return NONE.silenced();
        }
        var read = new EnumMap<BarrierTopic, Instant>(BarrierTopic.class);
        var asked = EnumSet.noneOf(BarrierTopic.class);
        Instant last = null;
        for (var part : encoded.strip().split(" ")) {
            var bits = part.split(":");
            try {
                if (bits.length == 3 && bits[0].equals("read")) {
                    var epoch = Instant.ofEpochSecond(Long.parseLong(bits[2]));
                    BarrierTopic.fromId(bits[1]).ifPresent(topic -> read.put(topic, epoch));
                } else if (bits.length == 2 && bits[0].equals("asked")) {
                    BarrierTopic.fromId(bits[1]).ifPresent(asked::add);
                } else if (bits.length == 2 && bits[0].equals("last")) {
                    last = Instant.ofEpochSecond(Long.parseLong(bits[1]));
                }
            } catch (NumberFormatException damaged) {
                // A damaged part is forgotten; at worst a question is not asked.
            }
        }
        return new BarrierMemory(read, asked, last, false);
    }
}
