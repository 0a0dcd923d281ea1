package org.passerelle.core.nlu.bench;

import java.util.Arrays;
import org.passerelle.content.load.ContentLoader;
import org.passerelle.core.nlu.IntentClassifier;
import org.passerelle.core.nlu.LanguageDetector;
import org.passerelle.core.nlu.SafetyRules;

/**
 * Prints how long the start-up work of understanding takes: training the intent models of every
 * language (several runs, in a fresh JVM the first one is the start-up figure), and loading the
 * safety rules and the language detector.
 */
public final class TrainingTime {

    private TrainingTime() {
    }

    public static void main(String[] args) {
        var catalog = ContentLoader.fromClasspath();
        long start = System.nanoTime();
        SafetyRules.shipped();
        LanguageDetector.shipped().detect("warm the model up");
        System.out.printf("safety rules and language detector loaded in %d ms%n", millisSince(start));
        int runs = Math.max(1, args.length > 0 ? Integer.parseInt(args[0]) : 5);
        var times = new long[runs];
        for (int i = 0; i < runs; i++) {
            start = System.nanoTime();
            var classifier = IntentClassifier.train(catalog);
            times[i] = millisSince(start);
            System.out.printf("run %d: %d languages trained in %d ms%n", i + 1, classifier.languages().size(), times[i]);
        }
        long first = times[0];
        Arrays.sort(times);
        System.out.printf("training-first-ms=%d training-median-ms=%d cores=%d%n", first, times[runs / 2],
                Runtime.getRuntime().availableProcessors());
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
