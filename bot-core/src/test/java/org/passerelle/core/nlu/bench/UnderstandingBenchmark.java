package org.passerelle.core.nlu.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.content.load.ContentLoader;
import org.passerelle.core.nlu.IntentClassifier;
import org.passerelle.core.nlu.IntentModels;
import org.passerelle.core.nlu.LanguageDetector;
import org.passerelle.core.nlu.SafetyRules;
import org.passerelle.core.nlu.Understanding;
import org.passerelle.core.nlu.Understood;

/**
 * The whole understanding step (safety, language, intent) on short messages in the eight
 * languages, as a sampled distribution: JMH prints the percentiles, p99 among them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class UnderstandingBenchmark {

    static final List<String> MESSAGES = List.of(
            "bjr je veux porter plainte", "j ai pas de papiers je peux rester ?", "au secours il me frappe",
            "hello i need a free lawyer pls", "where can i sleep tonight", "i am 16",
            "necesito ayuda con los papeles", "tengo miedo de la policia", "vc pode me ajudar com documento",
            "quero falar com alguem", "vreau un avocat gratuit", "unde pot dormi", "искам адвокат",
            "нямам документи", "بغيت محامي", "ساعديني من فضلك", "我想找律师", "我没有地方住", "merci", "0");

    private Understanding understanding;
    private ContentCatalog catalog;
    private int next;

    @Setup
    public void train() {
        catalog = ContentLoader.fromClasspath();
        understanding = new Understanding(SafetyRules.shipped(), LanguageDetector.shipped(),
                new IntentModels(catalog, Runnable::run, IntentClassifier.DEFAULT_FLOOR));
    }

    @Benchmark
    public Understood understandOneMessage() {
        var text = MESSAGES.get(next);
        next = (next + 1) % MESSAGES.size();
        return understanding.understand(text, Language.FR, catalog);
    }

    @Benchmark
    public Understood understandAFirstMessage() {
        var text = MESSAGES.get(next);
        next = (next + 1) % MESSAGES.size();
        return understanding.understand(text, null, catalog);
    }
}
