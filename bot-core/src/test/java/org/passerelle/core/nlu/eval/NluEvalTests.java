package org.passerelle.core.nlu.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.content.Language;
import org.passerelle.content.load.ContentLoader;
import org.passerelle.core.nlu.IntentPrediction;

class NluEvalTests {

    private static final String SUMMARY =
            "language-accuracy=\\d\\.\\d{3} intent-accuracy=\\d\\.\\d{3} safety-recall=\\d\\.\\d{3} safety-false-alarms=\\d\\.\\d{3}";

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void endsWithThePeersAndTheSummaryLineAndCatchesTheRowInDanger() throws IOException {
        var file = write("""
                lang\tintent\ttext
                fr\temergency\tau secours il me frappe
                zh\tminors\t我16岁
                bg\tgreeting\tздравей
                """);

        assertThat(run(file)).isEqualTo(NluEval.OK);

        var lines = output().lines().toList();
        assertThat(lines.get(lines.size() - 1)).matches(SUMMARY).contains("safety-recall=1.000 safety-false-alarms=0.000");
        assertThat(lines.get(lines.size() - 2))
                .matches("peers: opennlp-language-accuracy=\\d\\.\\d{3} lingua-language-accuracy=\\d\\.\\d{3}");
        assertThat(output()).contains("3 rows").contains("emergency").contains("minors");
    }

    @Test
    void takesEachRateOverItsOwnRows() {
        var verdicts = List.of(
                verdict(Language.FR, "emergency", Language.FR, "emergency", true),
                verdict(Language.EN, "minors", Language.FR, "unknown", false),
                verdict(Language.ES, "greeting", Language.ES, "emergency", true),
                verdict(Language.ZH, "thanks", Language.ZH, "thanks", false),
                verdict(Language.AR, "lawyer", Language.AR, "lawyer", false));

        var report = new Report(verdicts);

        assertThat(report.lastLine())
                .isEqualTo("language-accuracy=0.800 intent-accuracy=0.600 safety-recall=0.500 safety-false-alarms=0.333");
        assertThat(report.peersLine()).isEqualTo("peers: opennlp-language-accuracy=0.200 lingua-language-accuracy=0.000");
    }

    @Test
    void countsNothingMissedWhenNoRowIsAboutSafety() {
        var report = new Report(List.of(verdict(Language.PT, "greeting", Language.PT, "greeting", false)));

        assertThat(report.lastLine()).endsWith("safety-recall=1.000 safety-false-alarms=0.000");
    }

    @Test
    void refusesARowWithAMissingColumnAndSaysWhichLine() throws IOException {
        var file = write("lang\tintent\ttext\nfr\tgreeting\tbonjour\nen\thello there\n");

        assertThat(run(file)).isEqualTo(NluEval.BAD_FILE);
        assertThat(err()).contains("line 3").contains("expected 3 tab-separated columns");
        assertThat(output()).isEmpty();
    }

    @Test
    void refusesAnUnknownLanguageCode() throws IOException {
        var file = write("lang\tintent\ttext\nxx\tgreeting\thallo\n");

        assertThat(run(file)).isEqualTo(NluEval.BAD_FILE);
        assertThat(err()).contains("line 2").contains("unknown language code 'xx'");
    }

    @Test
    void refusesAnUnknownIntentAndAMissingHeader() throws IOException {
        assertThat(run(write("lang\tintent\ttext\nfr\tweather\tquel temps\n"))).isEqualTo(NluEval.BAD_FILE);
        assertThat(err()).contains("line 2").contains("unknown intent 'weather'");

        assertThat(run(write("fr\tgreeting\tbonjour\n"))).isEqualTo(NluEval.BAD_FILE);
        assertThat(err()).contains("line 1").contains("header");
    }

    @Test
    void theShippedDevelopmentSetCoversEveryIntentInEveryLanguage() {
        var catalog = ContentLoader.fromClasspath();
        var intents = new HashSet<String>();
        catalog.topics().forEach(topic -> intents.add(topic.id()));
        intents.add(IntentPrediction.UNKNOWN);

        var rows = DevSetReader.read(Path.of("src/test/resources/nlu/dev-set.tsv"), intents);

        for (var language : Language.values()) {
            var own = rows.stream().filter(row -> row.language() == language).toList();
            assertThat(own).as(language.code()).hasSizeGreaterThanOrEqualTo(40);
            assertThat(own.stream().map(LabelledMessage::intent).distinct()).as(language.code())
                    .containsExactlyInAnyOrderElementsOf(intents);
            assertThat(own.stream().filter(row -> row.intent().equals(NluEval.EMERGENCY))).as(language.code())
                    .hasSizeGreaterThanOrEqualTo(5);
            assertThat(own.stream().filter(row -> row.intent().equals(NluEval.MINORS))).as(language.code())
                    .hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void scoresEachBatchApartBeforeTheSummaryOfAllRows() throws IOException {
        var file = write("""
                lang\tintent\ttext
                # rows written first
                fr\tthanks\tmerci
                # batch: fresh
                en\tthanks\tthank you so much
                es\tthanks\tmuchas gracias
                """);

        assertThat(run(file)).isEqualTo(NluEval.OK);

        var lines = output().lines().toList();
        assertThat(output()).contains("3 rows").contains("batch first (1 rows)").contains("batch fresh (2 rows)");
        assertThat(lines.get(lines.size() - 1)).matches(SUMMARY);
    }

    @Test
    void refusesAMissingFile() {
        assertThat(run(folder.resolve("absent.tsv"))).isEqualTo(NluEval.BAD_FILE);
        assertThat(err()).contains("cannot read");
    }

    private Verdict verdict(Language expected, String intent, Language detected, String predicted, boolean alarm) {
        var message = new LabelledMessage(2, expected, intent, "…", DevSetReader.FIRST_BATCH);
        // OpenNLP is right on the first row only and Lingua never, so the peers' line is certain too.
        var opennlp = expected == Language.FR ? Optional.of(Language.FR) : Optional.<Language>empty();
        return new Verdict(message, Optional.of(detected), opennlp, Optional.empty(), predicted, alarm);
    }

    private Path write(String tsv) throws IOException {
        var file = Files.createTempFile(folder, "dev", ".tsv");
        return Files.writeString(file, tsv, StandardCharsets.UTF_8);
    }

    private int run(Path file) {
        err.reset();
        return NluEval.run(new String[] {file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
