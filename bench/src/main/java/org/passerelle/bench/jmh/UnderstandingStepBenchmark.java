package org.passerelle.bench.jmh;

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
import org.passerelle.bench.MessageSample;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.core.conversation.TestEngines;
import org.passerelle.core.nlu.Understanding;
import org.passerelle.core.nlu.Understood;

/**
 * The understanding step (safety rules, language, intent) on one message of the multilingual
 * sample at a time, the languages interleaved: once as a first message, with no language known,
 * and once within a conversation whose language is the message's. Sampled, so JMH prints the
 * percentiles as well as the mean.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
public class UnderstandingStepBenchmark {

    private List<MessageSample.Message> messages;
    private List<Language> languages;
    private Understanding understanding;
    private ContentCatalog content;
    private int next;

    @Setup
    public void train() {
        messages = MessageSample.interleaved();
        languages = messages.stream().map(m -> Language.fromCode(m.language()).orElseThrow()).toList();
        content = TestEngines.CONTENT;
        understanding = TestEngines.understanding();
    }

    @Benchmark
    public Understood firstMessage() {
        int i = advance();
        return understanding.understand(messages.get(i).text(), null, content);
    }

    @Benchmark
    public Understood withinAConversation() {
        int i = advance();
        return understanding.understand(messages.get(i).text(), languages.get(i), content);
    }

    private int advance() {
        int i = next;
        next = (i + 1) % messages.size();
        return i;
    }
}
