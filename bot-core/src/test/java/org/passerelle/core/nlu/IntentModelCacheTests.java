package org.passerelle.core.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import opennlp.tools.doccat.DocumentSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.content.load.ContentLoader;

class IntentModelCacheTests {

    private static final ContentCatalog SHIPPED = ContentLoader.fromClasspath();
    private static final double FLOOR = IntentClassifier.DEFAULT_FLOOR;

    @TempDir
    Path directory;

    @Test
    void aSecondStartLoadsEveryModelAndReadsEveryPhraseAsTheTrainedOnesDo() {
        var cache = IntentModelCache.in(directory);
        var trained = IntentClassifier.train(SHIPPED, FLOOR, cache);
        assertThat(trained.loadedFromCache()).isZero();
        assertThat(files()).hasSize(Language.values().length);

        var loaded = IntentClassifier.train(SHIPPED, FLOOR, cache);

        assertThat(loaded.loadedFromCache()).isEqualTo(Language.values().length);
        assertThat(loaded.languages()).isEqualTo(trained.languages());
        var texts = texts(SHIPPED);
        for (var language : Language.values()) {
            for (var text : texts) {
                assertThat(loaded.classify(text, language)).as("%s read by the %s model", text, language)
                        .isEqualTo(trained.classify(text, language));
            }
        }
    }

    @Test
    void aPublishThatChangesOneLanguageTrainsThatOneAndKeepsOneModelPerLanguage() {
        var cache = IntentModelCache.in(directory);
        IntentClassifier.train(SHIPPED, FLOOR, cache);
        var before = files();

        var edited = IntentClassifier.train(EditedCatalogs.withNewPhrase(SHIPPED, "zorblax"), FLOOR, cache);

        assertThat(edited.loadedFromCache()).isEqualTo(Language.values().length - 1);
        assertThat(edited.classify("zorblax", Language.EN).intentOrUnknown()).isEqualTo("thanks");
        var after = files();
        assertThat(after).hasSize(Language.values().length);
        var replaced = new ArrayList<>(before);
        replaced.removeAll(after);
        assertThat(replaced).singleElement().asString().startsWith("intent-en-");
    }

    @Test
    void aDamagedFileIsTrainedAgainAndReplaced() throws IOException {
        var cache = IntentModelCache.in(directory);
        IntentClassifier.train(SHIPPED, FLOOR, cache);
        var french = directory.resolve(files().stream().filter(f -> f.startsWith("intent-fr-")).findFirst().orElseThrow());
        var bytes = Files.readAllBytes(french);
        Files.write(french, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        var again = IntentClassifier.train(SHIPPED, FLOOR, cache);

        assertThat(again.loadedFromCache()).isEqualTo(Language.values().length - 1);
        assertThat(again.classify("merci beaucoup", Language.FR).intentOrUnknown()).isEqualTo("thanks");
        assertThat(french).exists();
        assertThat(IntentClassifier.train(SHIPPED, FLOOR, cache).loadedFromCache()).isEqualTo(Language.values().length);
    }

    @Test
    void aDirectoryThatCannotBeMadeOnlyMeansTraining() throws IOException {
        var blocker = Files.writeString(directory.resolve("a-file"), "not a directory");
        var cache = IntentModelCache.in(blocker.resolve("models"));

        var classifier = IntentClassifier.train(SHIPPED, FLOOR, cache);

        assertThat(classifier.loadedFromCache()).isZero();
        assertThat(classifier.classify("thank you so much", Language.EN).intentOrUnknown()).isEqualTo("thanks");
        assertThat(IntentClassifier.train(SHIPPED, FLOOR, cache).loadedFromCache()).isZero();
    }

    @Test
    void theDigestFollowsTheTrainingDataAndOnlyIt() {
        var samples = List.of(sample("thanks", "thank", "you"), sample("shelter", "a", "bed"));
        var digest = IntentClassifier.digest(Language.EN, samples);

        assertThat(IntentClassifier.digest(Language.EN, List.of(sample("thanks", "thank", "you"),
                sample("shelter", "a", "bed")))).isEqualTo(digest).matches("[0-9a-f]{64}");
        assertThat(Stream.of(
                IntentClassifier.digest(Language.FR, samples),
                IntentClassifier.digest(Language.EN, List.of(sample("thanks", "thank", "you"), sample("shelter", "ab", "ed"))),
                IntentClassifier.digest(Language.EN, List.of(sample("thanks", "thank", "you"), sample("housing", "a", "bed"))),
                IntentClassifier.digest(Language.EN, List.of(sample("shelter", "a", "bed"), sample("thanks", "thank", "you"))),
                IntentClassifier.digest(Language.EN, List.of(sample("thanks", "thank", "you", "shelter", "a", "bed"))),
                IntentClassifier.digest(Language.EN, samples.subList(0, 1))))
                .doesNotContain(digest).doesNotHaveDuplicates();
    }

    private static DocumentSample sample(String intent, String... features) {
        return new DocumentSample(intent, features);
    }

    private List<String> files() {
        try (var files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> texts(ContentCatalog catalog) {
        var texts = new ArrayList<String>();
        for (var topic : catalog.topics()) {
            for (var text : topic.languages().values()) {
                texts.add(text.title());
                texts.addAll(text.phrases());
            }
        }
        return texts;
    }
}
