package org.passerelle.core.nlu.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.passerelle.content.Language;

/**
 * The figures of one run: accuracy per language and per intent, the frequent confusions, the
 * misread rows, and the summary lines that scripts read (the very last line is the contract).
 * Safety recall is taken over the rows labelled {@code emergency} or {@code minors} (1 when there
 * are none: nothing was missed), false alarms over the others (0 when there are none).
 */
final class Report {

    private static final int CONFUSIONS = 15;
    private static final int INTENT_MISTAKES = 30;
    private static final int LANGUAGE_MISTAKES = 30;

    private final List<Verdict> verdicts;

    Report(List<Verdict> verdicts) {
        this.verdicts = List.copyOf(verdicts);
    }

    Rate language() {
        return Rate.of(verdicts, Verdict::languageRight);
    }

    Rate opennlp() {
        return Rate.of(verdicts, Verdict::opennlpRight);
    }

    Rate lingua() {
        return Rate.of(verdicts, Verdict::linguaRight);
    }

    Rate intent() {
        return Rate.of(verdicts, Verdict::intentRight);
    }

    Rate safetyRecall() {
        return Rate.of(verdicts.stream().filter(v -> v.message().safetyCritical()).toList(), Verdict::alarm);
    }

    Rate falseAlarms() {
        return Rate.of(verdicts.stream().filter(v -> !v.message().safetyCritical()).toList(), Verdict::alarm);
    }

    /** The peers' line, printed just before the last one. */
    String peersLine() {
        return "peers: opennlp-language-accuracy=" + Rate.decimals(opennlp().value(0))
                + " lingua-language-accuracy=" + Rate.decimals(lingua().value(0));
    }

    /** The last line of the output, the one that outside checks read. */
    String lastLine() {
        return "language-accuracy=" + Rate.decimals(language().value(0))
                + " intent-accuracy=" + Rate.decimals(intent().value(0))
                + " safety-recall=" + Rate.decimals(safetyRecall().value(1))
                + " safety-false-alarms=" + Rate.decimals(falseAlarms().value(0));
    }

    void print(PrintStream out) {
        printLanguages(out);
        printIntents(out);
        printConfusions(out, "Most frequent intent confusions (expected -> predicted)",
                verdicts.stream().filter(v -> !v.intentRight()).map(v -> v.message().intent() + " -> " + v.intent()));
        printConfusions(out, "Most frequent language confusions of Passerelle (expected -> detected)",
                verdicts.stream().filter(v -> !v.languageRight())
                        .map(v -> v.message().language().code() + " -> " + code(v)));
        printSafetyMistakes(out);
        printIntentMistakes(out);
        printLanguageMistakes(out);
        out.println();
        printBatches(out);
        out.println(peersLine());
        out.println(lastLine());
    }

    private void printLanguages(PrintStream out) {
        out.println("By language (language accuracy of each detector, then Passerelle's intent accuracy and safety)");
        out.printf(Locale.ROOT, "%-5s %5s %11s %8s %8s %8s %8s %13s%n",
                "lang", "rows", "passerelle", "opennlp", "lingua", "intent", "safety", "false-alarms");
        var byLanguage = group(v -> v.message().language());
        byLanguage.forEach((language, rows) -> printLanguageRow(out, language.code(), new Report(rows)));
        printLanguageRow(out, "all", this);
        out.println();
    }

    private static void printLanguageRow(PrintStream out, String label, Report part) {
        var recall = part.safetyRecall();
        var alarms = part.falseAlarms();
        out.printf(Locale.ROOT, "%-5s %5d %11s %8s %8s %8s %8s %13s%n", label, part.verdicts.size(),
                part.language().formatted(), part.opennlp().formatted(), part.lingua().formatted(),
                part.intent().formatted(), recall.hits() + "/" + recall.total(), alarms.hits() + "/" + alarms.total());
    }

    private void printIntents(PrintStream out) {
        out.println("By intent (Passerelle)");
        out.printf(Locale.ROOT, "%-18s %5s %6s %9s%n", "intent", "rows", "right", "accuracy");
        var byIntent = new TreeMap<String, List<Verdict>>(verdicts.stream()
                .collect(Collectors.groupingBy(v -> v.message().intent())));
        byIntent.forEach((intent, rows) -> {
            var rate = Rate.of(rows, Verdict::intentRight);
            out.printf(Locale.ROOT, "%-18s %5d %6d %9s%n", intent, rate.total(), rate.hits(), rate.formatted());
        });
        out.println();
    }

    private static void printConfusions(PrintStream out, String title, Stream<String> pairs) {
        out.println(title);
        var counts = pairs.collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        if (counts.isEmpty()) {
            out.println("  none");
        }
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(CONFUSIONS)
                .forEach(entry -> out.printf(Locale.ROOT, "%5d  %s%n", entry.getValue(), entry.getKey()));
        out.println();
    }

    // Every safety mistake is shown, however many: these are the ones that matter most.
    private void printSafetyMistakes(PrintStream out) {
        var misses = verdicts.stream().filter(v -> v.message().safetyCritical() && !v.alarm()).toList();
        var alarms = verdicts.stream().filter(v -> !v.message().safetyCritical() && v.alarm()).toList();
        out.printf(Locale.ROOT, "Safety misses (%d) and false alarms (%d)%n", misses.size(), alarms.size());
        misses.forEach(v -> out.printf(Locale.ROOT, "  missed      %-4s %-18s %s%n",
                v.message().language().code(), v.message().intent(), v.message().text()));
        alarms.forEach(v -> out.printf(Locale.ROOT, "  false alarm %-4s %-18s %s%n",
                v.message().language().code(), v.message().intent(), v.message().text()));
        out.println();
    }

    private void printIntentMistakes(PrintStream out) {
        var mistakes = verdicts.stream().filter(v -> !v.intentRight()).toList();
        out.printf(Locale.ROOT, "Misread intents (%d, first %d shown)%n", mistakes.size(),
                Math.min(mistakes.size(), INTENT_MISTAKES));
        out.printf(Locale.ROOT, "  %-4s %-18s %-18s %s%n", "lang", "expected", "predicted", "text");
        mistakes.stream().limit(INTENT_MISTAKES).forEach(v -> out.printf(Locale.ROOT, "  %-4s %-18s %-18s %s%n",
                v.message().language().code(), v.message().intent(), v.intent(), v.message().text()));
        out.println();
    }

    private void printLanguageMistakes(PrintStream out) {
        var mistakes = verdicts.stream().filter(v -> !v.languageRight()).toList();
        out.printf(Locale.ROOT, "Misread languages (%d, first %d shown)%n", mistakes.size(),
                Math.min(mistakes.size(), LANGUAGE_MISTAKES));
        out.printf(Locale.ROOT, "  %-4s %-8s %-8s %-8s %s%n", "lang", "detected", "opennlp", "lingua", "text");
        mistakes.stream().limit(LANGUAGE_MISTAKES).forEach(v -> out.printf(Locale.ROOT, "  %-4s %-8s %-8s %-8s %s%n",
                v.message().language().code(), code(v), codeOf(v.opennlp()), codeOf(v.lingua()), v.message().text()));
    }

    // Rows written after the first ones were looked at are the honest measure: each batch apart.
    private void printBatches(PrintStream out) {
        var byBatch = new LinkedHashMap<String, List<Verdict>>();
        verdicts.forEach(v -> byBatch.computeIfAbsent(v.message().batch(), k -> new ArrayList<>()).add(v));
        if (byBatch.size() < 2) {
            return;
        }
        out.println("By batch");
        byBatch.forEach((batch, rows) -> {
            var part = new Report(rows);
            out.printf(Locale.ROOT, "batch %s (%d rows): %s%n  %s%n", batch, rows.size(), part.peersLine(),
                    part.lastLine());
        });
        out.println();
    }

    private Map<Language, List<Verdict>> group(Function<Verdict, Language> key) {
        var groups = new LinkedHashMap<Language, List<Verdict>>();
        verdicts.stream().sorted(Comparator.comparing(key)).forEach(v ->
                groups.computeIfAbsent(key.apply(v), k -> new ArrayList<>()).add(v));
        return groups;
    }

    private static String code(Verdict verdict) {
        return codeOf(verdict.language());
    }

    private static String codeOf(Optional<Language> language) {
        return language.map(Language::code).orElse("none");
    }
}
