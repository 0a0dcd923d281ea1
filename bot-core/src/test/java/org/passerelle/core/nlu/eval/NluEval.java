package org.passerelle.core.nlu.eval;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Topic;
import org.passerelle.content.load.ContentLoader;
import org.passerelle.core.nlu.IntentPrediction;

/**
 * Scores Passerelle's understanding step on a labelled development set (a TSV file with the
 * columns {@code lang intent text} and a header line), beside two peers on the same rows:
 * Apache OpenNLP's language detector alone and Lingua restricted to the eight languages.
 *
 * <p>Prints accuracy per language and per intent, the frequent confusions and the misread rows,
 * then a line {@code peers: opennlp-language-accuracy=… lingua-language-accuracy=…} and, as the
 * very last line, {@code language-accuracy=… intent-accuracy=… safety-recall=…
 * safety-false-alarms=…} with three decimals. Exits with 0 when it ran, 2 on a bad file (its
 * line is named on the error stream).
 */
public final class NluEval {

    /** The label of the rows where she is in danger; also what a safety alarm predicts. */
    public static final String EMERGENCY = "emergency";
    /** The label of the rows where a minor is spoken of. */
    public static final String MINORS = "minors";

    static final int OK = 0;
    static final int BAD_FILE = 2;

    private NluEval() {
    }

    /** Runs the evaluation on the file named by the only argument and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the evaluation and returns the exit status instead of exiting. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("usage: nlu-eval FILE.tsv   (columns lang<TAB>intent<TAB>text, header line)");
            return BAD_FILE;
        }
        var file = Path.of(args[0]).toAbsolutePath();
        var catalog = ContentLoader.fromClasspath();
        List<LabelledMessage> rows;
        try {
            rows = DevSetReader.read(file, intents(catalog));
        } catch (BadDevSetException e) {
            err.println("nlu-eval: " + file + ": " + e.getMessage());
            return BAD_FILE;
        }
        out.printf("Passerelle NLU evaluation of %s: %d rows%n%n", file, rows.size());
        var judges = new Judges(catalog);
        new Report(rows.stream().map(judges::judge).toList()).print(out);
        return OK;
    }

    // Labels a row may carry: every topic of the content, and unknown for everything else.
    private static Set<String> intents(ContentCatalog catalog) {
        var ids = new HashSet<String>();
        catalog.topics().stream().map(Topic::id).forEach(ids::add);
        ids.add(IntentPrediction.UNKNOWN);
        ids.add(EMERGENCY);
        ids.add(MINORS);
        return Set.copyOf(ids);
    }
}
