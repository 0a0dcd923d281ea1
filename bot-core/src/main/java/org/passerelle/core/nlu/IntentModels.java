package org.passerelle.core.nlu;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.passerelle.content.ContentCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intent models for the content in force. The first are trained either when this is made,
 * or in the background from the start ({@link #startTraining}), in which case whatever asks for
 * them waits until they are trained. When a publish brings new content, new models are trained
 * in the background while the old ones keep answering, then take over in one step. With an
 * {@link IntentModelCache}, a language whose training data is unchanged is loaded, not trained.
 */
public final class IntentModels {

    private static final Logger log = LoggerFactory.getLogger(IntentModels.class);

    private record Trained(ContentCatalog catalog, IntentClassifier classifier) {
    }

    private final Executor background;
    private final double floor;
    private final IntentModelCache cache;
    private final AtomicBoolean training = new AtomicBoolean();
    private final CompletableFuture<Trained> first;
    private volatile Trained trained;

    /**
     * Trains the models of the initial content now.
     *
     * @param initial    the content in force at start
     * @param background where later trainings run
     * @param floor      the confidence below which the bot asks back
     */
    public IntentModels(ContentCatalog initial, Executor background, double floor) {
        this.background = background;
        this.floor = floor;
        this.cache = IntentModelCache.none();
        this.trained = firstTraining(initial, floor, cache);
        this.first = CompletableFuture.completedFuture(trained);
    }

    private IntentModels(ContentCatalog initial, Executor starter, Executor background, double floor,
            IntentModelCache cache) {
        this.background = background;
        this.floor = floor;
        this.cache = cache;
        // Set before the future completes, so that a retraining asked for right after cannot be overwritten.
        this.first = CompletableFuture.supplyAsync(() -> {
            var models = firstTraining(initial, floor, cache);
            trained = models;
            return models;
        }, starter);
    }

    /**
     * Starts training the models of the initial content on {@code starter} and returns at once,
     * so that the training overlaps the rest of the start. Until the models are trained,
     * {@link #forContent} and {@link #awaitTrained()} wait for them.
     *
     * @param initial    the content in force at start
     * @param starter    where the first training runs
     * @param background where later trainings run
     * @param floor      the confidence below which the bot asks back
     */
    public static IntentModels startTraining(ContentCatalog initial, Executor starter, Executor background,
            double floor) {
        return startTraining(initial, starter, background, floor, IntentModelCache.none());
    }

    /**
     * Like {@link #startTraining(ContentCatalog, Executor, Executor, double)}, with the models of
     * this start and of later publishes loaded from, and kept in, a cache.
     */
    public static IntentModels startTraining(ContentCatalog initial, Executor starter, Executor background,
            double floor, IntentModelCache cache) {
        return new IntentModels(initial, starter, background, floor, cache);
    }

    /**
     * Waits until the first models are trained.
     *
     * @throws IllegalStateException when the first training failed
     */
    public void awaitTrained() {
        current();
    }

    /** Whether the first models are trained and answering. */
    public boolean isTrained() {
        return trained != null;
    }

    /**
     * The models to use for a message answered with this content: the current ones, after
     * starting a background training if the content changed since they were trained. Waits for
     * the first models while they are being trained.
     *
     * @throws IllegalStateException when the first training failed
     */
    public IntentClassifier forContent(ContentCatalog catalog) {
        var current = current();
        if (current.catalog() != catalog && training.compareAndSet(false, true)) {
            background.execute(() -> retrain(catalog));
        }
        return current.classifier();
    }

    private Trained current() {
        var current = trained;
        if (current != null) {
            return current;
        }
        try {
            return first.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("the intent models could not be trained", e.getCause());
        }
    }

    private static Trained firstTraining(ContentCatalog catalog, double floor, IntentModelCache cache) {
        long start = System.nanoTime();
        var classifier = IntentClassifier.train(catalog, floor, cache);
        log.info("intent models ready for {} languages in {} ms, {} of them loaded from the cache",
                classifier.languages().size(), (System.nanoTime() - start) / 1_000_000, classifier.loadedFromCache());
        return new Trained(catalog, classifier);
    }

    private void retrain(ContentCatalog catalog) {
        try {
            long start = System.nanoTime();
            var classifier = IntentClassifier.train(catalog, floor, cache);
            trained = new Trained(catalog, classifier);
            log.info("intent models retrained in {} ms, {} of {} languages unchanged and loaded from the cache",
                    (System.nanoTime() - start) / 1_000_000, classifier.loadedFromCache(), classifier.languages().size());
        } catch (RuntimeException e) {
            // The old models keep answering; the next message asks for a training again.
            log.error("intent models not retrained: {}", e.getMessage());
        } finally {
            training.set(false);
        }
    }
}
