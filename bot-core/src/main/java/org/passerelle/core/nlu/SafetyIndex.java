package org.passerelle.core.nlu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Safety patterns filed by their first step, so that a message is read once: at each word only
 * the patterns that can start with it are tried. Matching walks the steps with a bounded
 * backtrack (gaps of at most nine words, patterns of a few steps), so its cost grows with the
 * number of words, not with the number of patterns.
 */
final class SafetyIndex {

    /** Where a pattern matched. */
    record Match(SafetyPattern pattern, int from, int to, int age) {
    }

    private final Map<String, List<SafetyPattern>> byWord = new HashMap<>();
    private final Map<String, List<SafetyPattern>> byStart = new HashMap<>();
    private final List<SafetyPattern> byAge = new ArrayList<>();
    private final AgeReader ages;
    private final int[] startLengths;

    SafetyIndex(List<SafetyPattern> patterns, AgeReader ages) {
        this.ages = ages;
        var lengths = new TreeSet<Integer>();
        for (var pattern : patterns) {
            var first = pattern.steps().get(0);
            if (first instanceof SafetyPattern.Words words) {
                words.words().forEach(word -> byWord.computeIfAbsent(word, w -> new ArrayList<>()).add(pattern));
                for (var start : words.starts()) {
                    byStart.computeIfAbsent(start, s -> new ArrayList<>()).add(pattern);
                    lengths.add(start.length());
                }
            } else {
                byAge.add(pattern);
            }
        }
        startLengths = lengths.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Puts in {@code into}, emptied first, every pattern that could start at {@code index}, possibly twice. */
    void collectCandidates(SafetyText text, int index, List<SafetyPattern> into) {
        into.clear();
        for (var form : text.forms(index)) {
            addAll(into, byWord.get(form));
            for (int length : startLengths) {
                if (length > form.length()) {
                    break;
                }
                addAll(into, byStart.get(form.substring(0, length)));
            }
        }
        if (!byAge.isEmpty() && ages.read(text, index) != null) {
            into.addAll(byAge);
        }
    }

    /** The match of a pattern starting at {@code index}, or null. */
    Match matchAt(SafetyPattern pattern, SafetyText text, int index) {
        if (pattern.startsFirst() && index != 0) {
            return null;
        }
        var walk = new Walk(pattern, text, ages);
        int end = walk.from(0, index);
        return end < 0 ? null : new Match(pattern, index, end, walk.age);
    }

    /** One attempt of one pattern; returns where the match ends, or -1. */
    private static final class Walk {

        private final SafetyPattern pattern;
        private final SafetyText text;
        private final AgeReader ages;
        private int age = -1;

        Walk(SafetyPattern pattern, SafetyText text, AgeReader ages) {
            this.pattern = pattern;
            this.text = text;
            this.ages = ages;
        }

        int from(int step, int at) {
            var steps = pattern.steps();
            if (step == steps.size()) {
                return !pattern.endsLast() || at == text.size() ? at : -1;
            }
            var current = steps.get(step);
            if (current instanceof SafetyPattern.Words words) {
                return words(words, step, at);
            }
            if (current instanceof SafetyPattern.Gap gap) {
                return gap(gap, step, at);
            }
            return age(step, at);
        }

        private int words(SafetyPattern.Words words, int step, int at) {
            if (at < text.size() && words.matches(text.forms(at))) {
                int end = from(step + 1, at + 1);
                if (end >= 0) {
                    return end;
                }
            }
            return words.optional() ? from(step + 1, at) : -1;
        }

        private int gap(SafetyPattern.Gap gap, int step, int at) {
            for (int skip = 0; skip <= gap.max() && at + skip <= text.size(); skip++) {
                int end = from(step + 1, at + skip);
                if (end >= 0) {
                    return end;
                }
            }
            return -1;
        }

        private int age(int step, int at) {
            var reading = at < text.size() ? ages.read(text, at) : null;
            if (reading == null) {
                return -1;
            }
            int end = from(step + 1, at + reading.length());
            if (end >= 0) {
                age = reading.age();
            }
            return end;
        }
    }

    private static void addAll(List<SafetyPattern> found, List<SafetyPattern> patterns) {
        if (patterns != null) {
            found.addAll(patterns);
        }
    }
}
