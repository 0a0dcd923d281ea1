package org.passerelle.core.nlu;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One line of a safety list, compiled: the steps a run of words must take, in order.
 *
 * <p>Syntax, parts separated by spaces, words written as {@link TextNormalizer} leaves them:
 * <ul>
 * <li>{@code frappe} a word; a part that reads as several words ("dix-sept", "打我") is
 *     those words in a row;</li>
 * <li>{@code frapp*} any word that starts so;</li>
 * <li>{@code ma|m|me} any one of these (each a word, a start with {@code *}, or several words
 *     joined by hyphens: {@code cant|can-not});</li>
 * <li>{@code word?} or {@code a|b?} the place may also be left out;</li>
 * <li>{@code ..} up to three words of anything, {@code ..N} up to N (at most 9);</li>
 * <li>{@code <age>} an age from 10 to 17 in digits or in words of any language, unless a unit
 *     (h, min, euros, 点…) or another number follows;</li>
 * <li>{@code ^} before the first part, {@code $} after the last: the match starts the
 *     message, ends it;</li>
 * <li>a line starting with {@code !} is an exception: a match of the same list that lies
 *     wholly inside it does not count ("numero d urgence" keeps "urgence" quiet).</li>
 * </ul>
 * Text from a {@code #} to the end of the line is a comment.
 *
 * @param signal      what a match says
 * @param source      where the line comes from, "danger.fr.txt:12"
 * @param exception   whether the line is an exception
 * @param startsFirst whether the match must start the message
 * @param endsLast    whether the match must end the message
 * @param steps       what the words must be, in order; the first is a {@link Words} or an {@link Age}
 */
record SafetyPattern(SafetySignal signal, String source, boolean exception, boolean startsFirst,
        boolean endsLast, List<Step> steps) {

    private static final int DEFAULT_GAP = 3;
    private static final int MAX_READINGS = 64;

    /** One place of a pattern. */
    sealed interface Step permits Words, Gap, Age {
    }

    /** One word among some words or word starts; may be left out when optional. */
    record Words(Set<String> words, List<String> starts, boolean optional) implements Step {

        boolean matches(String[] forms) {
            for (var form : forms) {
                if (words.contains(form)) {
                    return true;
                }
                for (var start : starts) {
                    if (form.startsWith(start)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** Up to {@code max} words of anything. */
    record Gap(int max) implements Step {
    }

    /** An age under 18. */
    record Age() implements Step {
    }

    /**
     * Compiles one line; an alternative of several words ("can not|cant") makes one pattern per
     * way of reading the line.
     *
     * @throws IllegalArgumentException when the line breaks the syntax
     */
    static List<SafetyPattern> parse(String line, SafetySignal signal, String source) {
        var text = line.strip();
        boolean exception = text.startsWith("!");
        var parts = new ArrayList<>(List.of(text.substring(exception ? 1 : 0).strip().split("\\s+")));
        boolean first = parts.get(0).startsWith("^");
        if (first) {
            parts.set(0, parts.get(0).substring(1));
        }
        int end = parts.size() - 1;
        boolean last = parts.get(end).endsWith("$");
        if (last) {
            parts.set(end, parts.get(end).substring(0, parts.get(end).length() - 1));
        }
        parts.removeIf(String::isEmpty);
        var readings = List.<List<Step>>of(List.of());
        for (var part : parts) {
            readings = extend(readings, readPart(part, source), source);
        }
        var patterns = new ArrayList<SafetyPattern>();
        for (var steps : readings) {
            check(steps, source);
            patterns.add(new SafetyPattern(signal, source, exception, first, last, steps));
        }
        return patterns;
    }

    private static List<List<Step>> extend(List<List<Step>> readings, List<List<Step>> options, String source) {
        if (readings.size() * options.size() > MAX_READINGS) {
            throw new IllegalArgumentException(source + ": too many ways to read the line");
        }
        var extended = new ArrayList<List<Step>>();
        for (var reading : readings) {
            for (var option : options) {
                var steps = new ArrayList<>(reading);
                steps.addAll(option);
                extended.add(List.copyOf(steps));
            }
        }
        return extended;
    }

    private static void check(List<Step> steps, String source) {
        if (steps.isEmpty() || steps.get(0) instanceof Gap || steps.get(steps.size() - 1) instanceof Gap
                || steps.get(0) instanceof Words words && words.optional()) {
            throw new IllegalArgumentException(source + ": a pattern must start with a word or <age> and end without a gap");
        }
    }

    /** The ways one part can be read, each a run of steps. */
    private static List<List<Step>> readPart(String part, String source) {
        if (part.equals("<age>")) {
            return List.of(List.of(new Age()));
        }
        if (part.matches("\\.\\.[1-9]?")) {
            return List.of(List.of(new Gap(part.length() == 2 ? DEFAULT_GAP : part.charAt(2) - '0')));
        }
        boolean optional = part.endsWith("?");
        var words = new HashSet<String>();
        var starts = new ArrayList<String>();
        var options = new ArrayList<List<Step>>();
        for (var choice : (optional ? part.substring(0, part.length() - 1) : part).split("\\|")) {
            boolean start = choice.endsWith("*");
            if (!choice.matches("[\\p{L}\\p{N}'’-]+\\*?")) {
                throw new IllegalArgumentException(source + ": unexpected sign in '" + choice + "'");
            }
            var read = SafetyText.words(start ? choice.substring(0, choice.length() - 1) : choice);
            if (read.isEmpty() || start && read.size() != 1) {
                throw new IllegalArgumentException(source + ": cannot read '" + choice + "' in '" + part + "'");
            }
            if (start) {
                starts.add(read.get(0));
            } else if (read.size() == 1) {
                words.add(read.get(0));
            } else {
                options.add(read.stream().<Step>map(word -> new Words(Set.of(word), List.of(), false)).toList());
            }
        }
        if (!words.isEmpty() || !starts.isEmpty()) {
            options.add(List.of(new Words(Set.copyOf(words), List.copyOf(starts), optional && options.isEmpty())));
        }
        if (optional && (options.size() > 1 || !(options.get(0).get(0) instanceof Words single && single.optional()))) {
            options.add(List.of());
        }
        return options;
    }
}
