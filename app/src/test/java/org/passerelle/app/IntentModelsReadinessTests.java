package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.passerelle.content.load.ContentLoader;
import org.passerelle.core.nlu.IntentClassifier;
import org.passerelle.core.nlu.IntentModels;
import org.springframework.boot.DefaultApplicationArguments;

class IntentModelsReadinessTests {

    @Test
    void holdsTheEndOfTheStartUntilTheModelsAreTrained() throws Exception {
        var pending = new ArrayList<Runnable>();
        var models = IntentModels.startTraining(ContentLoader.fromClasspath(), pending::add, Runnable::run,
                IntentClassifier.DEFAULT_FLOOR);
        var readiness = new IntentModelsReadiness(models);
        var start = new Thread(() -> readiness.run(new DefaultApplicationArguments()));
        start.start();

        start.join(300);
        assertThat(start.isAlive()).as("still waiting for the training").isTrue();

        pending.get(0).run();
        start.join();
        assertThat(models.isTrained()).isTrue();
    }

    @Test
    void failsTheStartWhenTheTrainingFailed() {
        var models = IntentModels.startTraining(null, Runnable::run, Runnable::run, IntentClassifier.DEFAULT_FLOOR);

        assertThatThrownBy(() -> new IntentModelsReadiness(models).run(new DefaultApplicationArguments()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("intent models");
    }
}
