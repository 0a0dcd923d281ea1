package org.passerelle.core.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.passerelle.content.Language;

/**
 * The safety rules: curated phrase lists, per language, that say a person may be in danger, is
 * a minor, wants her messages erased or wants us to stop writing. They read every message before
 * anything else and depend on no model. All languages' lists are read on every message, since
 * people mix languages and the language of a short message is often unknown.
 *
 * <p>The lists live in {@code nlu/safety/<signal>.<lang>.txt} (syntax in {@link SafetyPattern}),
 * the number words for ages in {@code nlu/safety/age.<lang>.txt}, and the words that make a
 * number a time or a price in {@code nlu/safety/units.txt}. Only the first
 * {@value SafetyText#MAX_CHARS} characters of a message are read. Instances are immutable and
 * safe to share.
 */
public final class SafetyRules {

    private static final String FOLDER = "/nlu/safety/";

    private static volatile SafetyRules shipped;

    private final SafetyIndex rules;
    private final SafetyIndex exceptions;
    private final Map<String, Integer> sizes;

    private SafetyRules(List<SafetyPattern> patterns, AgeReader ages, Map<String, Integer> sizes) {
        this.rules = new SafetyIndex(patterns.stream().filter(p -> !p.exception()).toList(), ages);
        this.exceptions = new SafetyIndex(patterns.stream().filter(SafetyPattern::exception).toList(), ages);
        this.sizes = Collections.unmodifiableMap(sizes);
    }

    /**
     * The lists shipped with Passerelle, read once.
     *
     * @throws IllegalStateException when a list is missing or breaks the syntax
     */
    public static SafetyRules shipped() {
        var rules = shipped;
        if (rules == null) {
            synchronized (SafetyRules.class) {
                rules = shipped;
                if (rules == null) {
                    rules = load();
                    shipped = rules;
                }
            }
        }
        return rules;
    }

    /** What the message says among danger, minor, erase and stop; empty when none; never throws. */
    public Set<SafetySignal> scan(String message) {
        var text = SafetyText.of(message);
        var found = EnumSet.noneOf(SafetySignal.class);
        var quiet = new Quiet(text);
        var candidates = new ArrayList<SafetyPattern>();
        for (int i = 0; i < text.size() && found.size() < SafetySignal.values().length; i++) {
            rules.collectCandidates(text, i, candidates);
            for (var pattern : candidates) {
                if (!found.contains(pattern.signal()) && quiet.counts(rules.matchAt(pattern, text, i))) {
                    found.add(pattern.signal());
                }
            }
        }
        return Collections.unmodifiableSet(found);
    }

    /** The age under 18 that the message states, as the minor rules read it; empty when none. */
    public OptionalInt statedAge(String message) {
        var text = SafetyText.of(message);
        var quiet = new Quiet(text);
        var candidates = new ArrayList<SafetyPattern>();
        for (int i = 0; i < text.size(); i++) {
            rules.collectCandidates(text, i, candidates);
            for (var pattern : candidates) {
                var match = pattern.signal() == SafetySignal.MINOR ? rules.matchAt(pattern, text, i) : null;
                if (quiet.counts(match) && match.age() >= 0) {
                    return OptionalInt.of(match.age());
                }
            }
        }
        return OptionalInt.empty();
    }

    /** How many patterns each list holds, by file name ("danger.fr.txt"). */
    Map<String, Integer> listSizes() {
        return sizes;
    }

    /** The words that exceptions keep quiet, per signal; read only once a rule has matched. */
    private final class Quiet {

        private final SafetyText text;
        private Map<SafetySignal, boolean[]> words;

        Quiet(SafetyText text) {
            this.text = text;
        }

        /** Whether a match counts: it exists and is not wholly inside an exception of its list. */
        boolean counts(SafetyIndex.Match match) {
            if (match == null) {
                return false;
            }
            var quiet = words().get(match.pattern().signal());
            if (quiet == null) {
                return true;
            }
            for (int i = match.from(); i < match.to(); i++) {
                if (!quiet[i]) {
                    return true;
                }
            }
            return false;
        }

        private Map<SafetySignal, boolean[]> words() {
            if (words == null) {
                words = new EnumMap<>(SafetySignal.class);
                var candidates = new ArrayList<SafetyPattern>();
                for (int i = 0; i < text.size(); i++) {
                    exceptions.collectCandidates(text, i, candidates);
                    for (var pattern : candidates) {
                        var match = exceptions.matchAt(pattern, text, i);
                        if (match != null) {
                            var quiet = words.computeIfAbsent(pattern.signal(), s -> new boolean[text.size()]);
                            Arrays.fill(quiet, match.from(), match.to(), true);
                        }
                    }
                }
            }
            return words;
        }
    }

    private static SafetyRules load() {
        var patterns = new ArrayList<SafetyPattern>();
        var sizes = new LinkedHashMap<String, Integer>();
        var ages = new AgeReader();
        ages.addUnits(read("units.txt"));
        for (var language : Language.values()) {
            for (var signal : SafetySignal.values()) {
                var name = signal.name().toLowerCase(Locale.ROOT) + "." + language.code() + ".txt";
                var lines = read(name);
                for (int i = 0; i < lines.size(); i++) {
                    if (!lines.get(i).isEmpty()) {
                        patterns.addAll(parse(lines.get(i), signal, name + ":" + (i + 1)));
                    }
                }
                sizes.put(name, (int) lines.stream().filter(line -> !line.isEmpty()).count());
            }
            var numbers = "age." + language.code() + ".txt";
            try {
                ages.addNumbers(read(numbers).stream().filter(line -> !line.isEmpty()).toList(), numbers);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Invalid age list: " + e.getMessage(), e);
            }
        }
        return new SafetyRules(patterns, ages, sizes);
    }

    private static List<SafetyPattern> parse(String line, SafetySignal signal, String source) {
        try {
            return SafetyPattern.parse(line, signal, source);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Invalid safety list: " + e.getMessage(), e);
        }
    }

    /** The lines of a list, comments removed, blank where there was only a comment. */
    private static List<String> read(String name) {
        try (InputStream in = SafetyRules.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing safety list " + FOLDER + name);
            }
            var lines = new ArrayList<String>();
            for (var line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                int comment = line.indexOf('#');
                lines.add((comment >= 0 ? line.substring(0, comment) : line).strip());
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read safety list " + FOLDER + name, e);
        }
    }
}
