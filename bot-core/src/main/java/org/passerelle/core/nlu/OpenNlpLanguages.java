package org.passerelle.core.nlu;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.passerelle.content.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache OpenNLP's language detector with the model of {@code opennlp-models-langdetect}
 * (103 languages, ISO 639-3 codes), read from the class path once, on first use.
 */
final class OpenNlpLanguages {

    private static final Logger log = LoggerFactory.getLogger(OpenNlpLanguages.class);
    private static final String MODEL_RESOURCE = "langdetect-183.bin";
    private static final Map<String, Language> OURS = Map.of(
            "fra", Language.FR, "eng", Language.EN, "spa", Language.ES, "por", Language.PT,
            "ron", Language.RO, "bul", Language.BG, "ara", Language.AR, "cmn", Language.ZH);

    private OpenNlpLanguages() {
    }

    /** Reads the model now if no one has yet; false when it cannot be read. */
    static boolean load() {
        return Model.SHIPPED.isPresent();
    }

    /** The model's first language, when it is one of ours. */
    static Optional<Language> top(CharSequence text) {
        return Model.SHIPPED.map(model -> predict(model, text)[0])
                .map(best -> OURS.get(best.getLang()));
    }

    /**
     * The model's probability of each of the given languages, by ordinal (0 for the others);
     * empty when the model cannot be read.
     */
    static Optional<double[]> probabilities(CharSequence text, Set<Language> among) {
        return Model.SHIPPED.map(model -> {
            var probabilities = new double[Language.values().length];
            for (var candidate : predict(model, text)) {
                var language = OURS.get(candidate.getLang());
                if (language != null && among.contains(language)) {
                    probabilities[language.ordinal()] = candidate.getConfidence();
                }
            }
            return probabilities;
        });
    }

    // Sorted by probability, highest first. The detector is not meant to be shared between
    // threads; one per call is safe and costs a few small allocations next to the prediction.
    private static opennlp.tools.langdetect.Language[] predict(LanguageDetectorModel model, CharSequence text) {
        return new LanguageDetectorME(model).predictLanguages(text);
    }

    // Holder idiom: the JVM reads the 10 MB model once, on first use, whatever the threads.
    private static final class Model {
        static final Optional<LanguageDetectorModel> SHIPPED = read();

        private static Optional<LanguageDetectorModel> read() {
            var stream = OpenNlpLanguages.class.getClassLoader().getResourceAsStream(MODEL_RESOURCE);
            if (stream == null) {
                log.warn("language model {} not on the class path; statistical detection is off", MODEL_RESOURCE);
                return Optional.empty();
            }
            try (var in = new BufferedInputStream(stream)) {
                return Optional.of(new LanguageDetectorModel(in));
            } catch (IOException | RuntimeException e) {
                log.warn("language model {} unreadable; statistical detection is off", MODEL_RESOURCE, e);
                return Optional.empty();
            }
        }
    }
}
