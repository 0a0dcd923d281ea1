package org.passerelle.app;

import org.passerelle.core.nlu.IntentModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Waits, at the end of the start, for the first intent models trained in the background.
 * Spring Boot declares the application ready (the readiness probe answers UP) only once every
 * runner has returned, so Passerelle is never reported ready with models still in training;
 * a failed training fails the start, as it did when the models were trained in line.
 */
final class IntentModelsReadiness implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IntentModelsReadiness.class);

    private final IntentModels models;

    IntentModelsReadiness(IntentModels models) {
        this.models = models;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!models.isTrained()) {
            long start = System.nanoTime();
            models.awaitTrained();
            log.info("waited {} ms at the end of the start for the intent models", (System.nanoTime() - start) / 1_000_000);
        }
    }
}
