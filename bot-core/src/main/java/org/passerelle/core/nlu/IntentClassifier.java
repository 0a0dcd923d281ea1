package org.passerelle.core.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;
import opennlp.tools.util.Version;
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

    // What the training does besides its data; a change here must change the digest of every model.
    private static final int ITERATIONS = 150;
    private static final int CUTOFF = 1;
    private static final String TRAINING = "doccat/bag-of-words/one-pass/iterations=" + ITERATIONS + "/cutoff="
            + CUTOFF + "/opennlp=" + Version.currentVersion();

    private final Map<Language, DoccatModel> models;
    private final double floor;
    private final ContentVocabulary vocabulary;
    private final int loaded;

    private IntentClassifier(Map<Language, DoccatModel> models, double floor, ContentVocabulary vocabulary,
            int loaded) {
        this.models = models;
        this.floor = floor;
        this.vocabulary = vocabulary;
        this.loaded = loaded;
    }

    /**
     * Trains the models of every language of the catalog, languages in parallel.
     *
     * @throws IllegalStateException when OpenNLP refuses the training data
     */
    public static IntentClassifier train(ContentCatalog catalog, double floor) {
        return train(catalog, floor, IntentModelCache.none());
    }

    /**
     * The models of every language of the catalog, languages in parallel: each loaded from the
     * cache when it holds one trained from the same data, otherwise trained and kept there.
     *
     * @throws IllegalStateException when OpenNLP refuses the training data
     */
    public static IntentClassifier train(ContentCatalog catalog, double floor, IntentModelCache cache) {
        var languages = new ArrayList<Language>();
        for (var language : Language.values()) {
            if (catalog.topics().stream().anyMatch(t -> t.in(language).isPresent())) {
                languages.add(language);
            }
        }
        record Ready(Language language, DoccatModel model, boolean loaded) {
        }
        var ready = languages.parallelStream().map(language -> {
            var samples = samples(catalog, language);
            var digest = digest(language, samples);
            return cache.load(language, digest)
                    .map(model -> new Ready(language, model, true))
                    .orElseGet(() -> {
                        var model = trainOne(language, samples);
                        cache.store(language, digest, model);
                        return new Ready(language, model, false);
                    });
        }).toList();
        var models = new EnumMap<Language, DoccatModel>(Language.class);
        ready.forEach(r -> models.put(r.language(), r.model()));
        int loaded = (int) ready.stream().filter(Ready::loaded).count();
        return new IntentClassifier(Map.copyOf(models), floor, ContentVocabulary.of(catalog), loaded);
    }

    /** Trains with the {@link #DEFAULT_FLOOR}. */
    public static IntentClassifier train(ContentCatalog catalog) {
        return train(catalog, DEFAULT_FLOOR);
    }

    /** The languages that have a model. */
    public java.util.Set<Language> languages() {
        return models.keySet();
    }

    /** How many of the models were loaded from the cache rather than trained. */
    public int loadedFromCache() {
        return loaded;
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
     * The language whose content words the message uses clearly more than any other's, for
     * messages no detector could place: the content's phrases are in-domain words
     * ("indemnisation", "plangere") that general detectors do not weigh. Latin-script
     * languages only; empty when none stands out.
     */
    public Optional<DetectedLanguage> closestLanguage(String text) {
        return vocabulary.closestLanguage(text, null);
    }

    /**
     * Like {@link #closestLanguage(String)}, but when the content of several languages holds
     * the message's words equally, the prior if it is one of them, with a low confidence.
     *
     * @param prior her session's language, or French before she has one
     */
    public Optional<DetectedLanguage> closestLanguage(String text, Language prior) {
        return vocabulary.closestLanguage(text, prior);
    }

    private static List<DocumentSample> samples(ContentCatalog catalog, Language language) {
        var samples = new ArrayList<DocumentSample>();
        for (var topic : catalog.topics()) {
            topic.in(language).ifPresent(text -> {
                add(samples, topic.id(), text.title());
                text.phrases().forEach(phrase -> add(samples, topic.id(), phrase));
            });
        }
        return samples;
    }

    /**
     * The digest of everything a language's model is made from: the training's settings and
     * OpenNLP's version, the language, and each sample's intent and features in order. Lengths
     * are written before the strings, so that no two different inputs give the same bytes.
     */
    static String digest(Language language, List<DocumentSample> samples) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
        update(sha, TRAINING);
        update(sha, language.code());
        for (var sample : samples) {
            update(sha, sample.getCategory());
            var features = sample.getText();
            update(sha, Integer.toString(features.length));
            for (var feature : features) {
                update(sha, feature);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String value) {
        var bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) (bytes.length >>> 24));
        sha.update((byte) (bytes.length >>> 16));
        sha.update((byte) (bytes.length >>> 8));
        sha.update((byte) bytes.length);
        sha.update(bytes);
    }

    private static DoccatModel trainOne(Language language, List<DocumentSample> samples) {
        var parameters = TrainingParameters.defaultParams();
        parameters.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        parameters.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        // In memory: the same model as the default two passes through a temporary file, in half the time.
        parameters.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_VALUE);
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
