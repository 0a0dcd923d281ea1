package org.passerelle.core.nlu;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.passerelle.content.ContentCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intent models for the content in force. The first are trained when this is made; when a
 * publish brings new content, new models are trained in the background while the old ones keep
 * answering, then take over in one step.
 */
public final class IntentModels {

    private static final Logger log = LoggerFactory.getLogger(IntentModels.class);

    private record Trained(ContentCatalog catalog, IntentClassifier classifier) {
    }

    private final Executor background;
    private final double floor;
    private final AtomicBoolean training = new AtomicBoolean();
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
        long start = System.nanoTime();
        this.trained = new Trained(initial, IntentClassifier.train(initial, floor));
        log.info("intent models trained for {} languages in {} ms", trained.classifier().languages().size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The models to use for a message answered with this content: the current ones, after
     * starting a background training if the content changed since they were trained.
     */
    public IntentClassifier forContent(ContentCatalog catalog) {
        var current = trained;
        if (current.catalog() != catalog && training.compareAndSet(false, true)) {
            background.execute(() -> retrain(catalog));
        }
        return current.classifier();
    }

    private void retrain(ContentCatalog catalog) {
        try {
            long start = System.nanoTime();
            trained = new Trained(catalog, IntentClassifier.train(catalog, floor));
            log.info("intent models retrained in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            // The old models keep answering; the next message asks for a training again.
            log.error("intent models not retrained: {}", e.getMessage());
        } finally {
            training.set(false);
        }
    }
}
