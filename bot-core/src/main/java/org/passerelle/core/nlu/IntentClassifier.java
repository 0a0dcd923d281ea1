package org.passerelle.core.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;

/**
 * One Apache OpenNLP document categorizer per language, trained from the example phrases (and
 * titles) that the content carries per topic: words, word pairs and character trigrams as
 * features (see {@link Tokens#features}), so that short and misspelt messages still land. Immutable and thread-safe once
 * trained; a new publish trains a new one.
 */
public final class IntentClassifier {

    /** Below this probability the best intent is not trusted: the bot asks back. */
    public static final double DEFAULT_FLOOR = 0.30;

    // A language is read from the intent models only when one model is this sure, this far ahead.
    private static final double LANGUAGE_FLOOR = 0.35;
    private static final double LANGUAGE_MARGIN = 0.10;
    private static final java.util.Set<Language> LATIN_LANGUAGES =
            java.util.EnumSet.of(Language.FR, Language.EN, Language.ES, Language.PT, Language.RO);

    private final Map<Language, DoccatModel> models;
    private final double floor;

    private IntentClassifier(Map<Language, DoccatModel> models, double floor) {
        this.models = models;
        this.floor = floor;
    }

    /**
     * Trains the models of every language of the catalog, languages in parallel.
     *
     * @throws IllegalStateException when OpenNLP refuses the training data
     */
    public static IntentClassifier train(ContentCatalog catalog, double floor) {
        var languages = new ArrayList<Language>();
        for (var language : Language.values()) {
            if (catalog.topics().stream().anyMatch(t -> t.in(language).isPresent())) {
                languages.add(language);
            }
        }
        var trained = new EnumMap<Language, DoccatModel>(Language.class);
        languages.parallelStream()
                .map(language -> Map.entry(language, trainOne(catalog, language)))
                .toList()
                .forEach(entry -> trained.put(entry.getKey(), entry.getValue()));
        return new IntentClassifier(Map.copyOf(trained), floor);
    }

    /** Trains with the {@link #DEFAULT_FLOOR}. */
    public static IntentClassifier train(ContentCatalog catalog) {
        return train(catalog, DEFAULT_FLOOR);
    }

    /** The languages that have a model. */
    public java.util.Set<Language> languages() {
        return models.keySet();
    }

    /** The intents of a message written in a language; nothing for an empty message. */
    public IntentPrediction classify(String text, Language language) {
        var model = models.get(language);
        var tokens = Tokens.features(text);
        if (model == null || tokens.length == 0) {
            return IntentPrediction.none();
        }
        // The categorizer keeps no state between calls that matters here, but is cheap to make.
        var categorizer = new DocumentCategorizerME(model);
        var probabilities = categorizer.categorize(tokens);
        var ranked = new ArrayList<ScoredIntent>(probabilities.length);
        for (int i = 0; i < probabilities.length; i++) {
            ranked.add(new ScoredIntent(categorizer.getCategory(i), probabilities[i]));
        }
        ranked.sort(Comparator.comparingDouble(ScoredIntent::confidence).reversed());
        var best = ranked.get(0).confidence() >= floor ? Optional.of(ranked.get(0)) : Optional.<ScoredIntent>empty();
        return new IntentPrediction(best, ranked);
    }

    /**
     * The language whose model fits a message clearly best, for messages no detector could place:
     * the words of the content's phrases are the evidence. Empty when no model stands out.
     */
    public Optional<DetectedLanguage> closestLanguage(String text) {
        var tokens = Tokens.features(text);
        if (tokens.length == 0) {
            return Optional.empty();
        }
        Language best = null;
        double first = 0;
        double second = 0;
        for (var entry : models.entrySet()) {
            if (!LATIN_LANGUAGES.contains(entry.getKey())) {
                // Transliterated Bulgarian, Arabizi and pinyin are the word lists' business.
                continue;
            }
            var probabilities = new DocumentCategorizerME(entry.getValue()).categorize(tokens);
            double top = java.util.Arrays.stream(probabilities).max().orElse(0);
            if (top > first) {
                second = first;
                first = top;
                best = entry.getKey();
            } else if (top > second) {
                second = top;
            }
        }
        return best != null && first >= LANGUAGE_FLOOR && first - second >= LANGUAGE_MARGIN
                ? Optional.of(new DetectedLanguage(best, first - second, DetectedLanguage.Method.CONTENT))
                : Optional.empty();
    }

    private static DoccatModel trainOne(ContentCatalog catalog, Language language) {
        var samples = new ArrayList<DocumentSample>();
        for (var topic : catalog.topics()) {
            topic.in(language).ifPresent(text -> {
                add(samples, topic.id(), text.title());
                text.phrases().forEach(phrase -> add(samples, topic.id(), phrase));
            });
        }
        var parameters = TrainingParameters.defaultParams();
        parameters.put(TrainingParameters.ITERATIONS_PARAM, 150);
        parameters.put(TrainingParameters.CUTOFF_PARAM, 1);
        try {
            return DocumentCategorizerME.train(language.code(), new CollectionObjectStream<>(samples), parameters,
                    new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator()}));
        } catch (IOException e) {
            throw new UncheckedIOException("intent model for " + language.code() + " not trained", e);
        }
    }

    private static void add(List<DocumentSample> samples, String intent, String text) {
        var tokens = Tokens.features(text);
        if (tokens.length > 0) {
            samples.add(new DocumentSample(intent, tokens));
        }
    }
}
