package org.passerelle.core.nlu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an age under 18 at a place in a message: two digits from 10 to 17, or a number word
 * of one of the lists ("seize", "dix sept", "sixteen", "十六"), not followed by a unit or by
 * another number ("16h", "15 euros", "13 000", "16点"), which would make it a time, a price or
 * part of a phone number.
 */
final class AgeReader {

    /** The youngest age the rules read; below it a number is more often a count than an age. */
    static final int YOUNGEST = 10;
    /** The oldest age that is still a minor's. */
    static final int OLDEST = 17;

    /** An age read, and how many words it took. */
    record Reading(int age, int length) {
    }

    private record NumberWord(List<String> words, int value) {
    }

    private final Map<String, List<NumberWord>> byFirstWord = new HashMap<>();
    private final Set<String> units = new HashSet<>();

    /**
     * Adds number words from lines "16 seize".
     *
     * @throws IllegalArgumentException when a line is not a number then words
     */
    void addNumbers(List<String> lines, String source) {
        for (var line : lines) {
            var parts = line.strip().split("\\s+", 2);
            if (parts.length != 2 || !parts[0].matches("\\d{1,2}")) {
                throw new IllegalArgumentException(source + ": expected 'number words' in '" + line + "'");
            }
            var words = SafetyText.words(parts[1]);
            if (words.isEmpty()) {
                throw new IllegalArgumentException(source + ": no words in '" + line + "'");
            }
            byFirstWord.computeIfAbsent(words.get(0), w -> new ArrayList<>())
                    .add(new NumberWord(List.copyOf(words), Integer.parseInt(parts[0])));
        }
    }

    /** Adds the words that, after a number, make it something else than an age. */
    void addUnits(List<String> lines) {
        lines.forEach(line -> units.addAll(SafetyText.words(line)));
    }

    /** The age that starts at {@code index}, or null. */
    Reading read(SafetyText text, int index) {
        var word = text.word(index);
        var reading = isDigits(word) ? digits(word) : words(text, index);
        if (reading == null || reading.age() < YOUNGEST || reading.age() > OLDEST) {
            return null;
        }
        int after = index + reading.length();
        if (after < text.size() && (units.contains(text.word(after)) || isDigits(text.word(after)))) {
            return null;
        }
        return reading;
    }

    private static Reading digits(String word) {
        if (word.length() != 2 || word.charAt(0) == '0') {
            return null;
        }
        return new Reading(Integer.parseInt(word), 1);
    }

    private Reading words(SafetyText text, int index) {
        var candidates = byFirstWord.get(text.word(index));
        if (candidates == null) {
            return null;
        }
        Reading best = null;
        for (var number : candidates) {
            if (startsAt(number.words(), text, index) && (best == null || number.words().size() > best.length())) {
                best = new Reading(number.value(), number.words().size());
            }
        }
        return best;
    }

    private static boolean startsAt(List<String> words, SafetyText text, int index) {
        if (index + words.size() > text.size()) {
            return false;
        }
        for (int i = 0; i < words.size(); i++) {
            if (!words.get(i).equals(text.word(index + i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigits(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) < '0' || word.charAt(i) > '9') {
                return false;
            }
        }
        return !word.isEmpty();
    }
}
