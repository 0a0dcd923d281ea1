package org.passerelle.core.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.content.load.ContentLoader;

class IntentModelsTests {

    private static final ContentCatalog SHIPPED = ContentLoader.fromClasspath();

    @Test
    void keepsTheOldModelsUntilTheNewOnesAreTrainedInTheBackground() {
        var pending = new ArrayList<Runnable>();
        var models = new IntentModels(SHIPPED, pending::add, IntentClassifier.DEFAULT_FLOOR);
        var published = EditedCatalogs.withNewPhrase(SHIPPED, "zorblax");

        var before = models.forContent(published);
        assertThat(pending).hasSize(1);
        assertThat(models.forContent(published)).isSameAs(before);
        assertThat(pending).as("one training at a time").hasSize(1);

        pending.get(0).run();
        var after = models.forContent(published);
        assertThat(after).isNotSameAs(before);
        assertThat(after.classify("zorblax", Language.EN).intentOrUnknown()).isEqualTo("thanks");
        assertThat(pending).hasSize(1);
    }

    @Test
    void trainsEveryLanguageOfTheContent() {
        var models = new IntentModels(SHIPPED, Runnable::run, IntentClassifier.DEFAULT_FLOOR);
        assertThat(models.forContent(SHIPPED).languages()).containsExactlyInAnyOrder(Language.values());
        assertThat(List.of(Language.values())).allSatisfy(language ->
                assertThat(models.forContent(SHIPPED).classify("merci", language).ranked()).isNotEmpty());
    }

    @Test
    void answersAMessageThatCameDuringTheFirstTrainingOnceItIsDone() throws Exception {
        var pending = new ArrayList<Runnable>();
        var models = IntentModels.startTraining(SHIPPED, pending::add, Runnable::run, IntentClassifier.DEFAULT_FLOOR);
        assertThat(models.isTrained()).isFalse();
        var answer = new CompletableFuture<IntentClassifier>();
        var early = new Thread(() -> answer.complete(models.forContent(SHIPPED)));
        early.start();

        pending.get(0).run();
        early.join();

        assertThat(models.isTrained()).isTrue();
        assertThat(answer.get().languages()).containsExactlyInAnyOrder(Language.values());
        assertThat(answer.get().classify("thank you so much", Language.EN).intentOrUnknown()).isEqualTo("thanks");
        assertThat(pending).as("the content did not change: nothing more to train").hasSize(1);
    }

    @Test
    void retrainsInTheBackgroundWhenTheContentChangedAfterTheFirstTraining() {
        var pending = new ArrayList<Runnable>();
        var models = IntentModels.startTraining(SHIPPED, Runnable::run, pending::add, IntentClassifier.DEFAULT_FLOOR);
        models.awaitTrained();
        var published = EditedCatalogs.withNewPhrase(SHIPPED, "zorblax");

        var before = models.forContent(published);
        assertThat(pending).hasSize(1);
        pending.get(0).run();

        assertThat(models.forContent(published)).isNotSameAs(before);
        assertThat(models.forContent(published).classify("zorblax", Language.EN).intentOrUnknown()).isEqualTo("thanks");
    }

    @Test
    void aRetrainingAfterAPublishTrainsOnlyTheLanguageWhosePhrasesChanged(@TempDir Path directory) {
        var pending = new ArrayList<Runnable>();
        var cache = IntentModelCache.in(directory);
        var models = IntentModels.startTraining(SHIPPED, Runnable::run, pending::add, IntentClassifier.DEFAULT_FLOOR,
                cache);
        assertThat(models.forContent(SHIPPED).loadedFromCache()).isZero();
        var published = EditedCatalogs.withNewPhrase(SHIPPED, "zorblax");

        models.forContent(published);
        pending.get(0).run();

        var retrained = models.forContent(published);
        assertThat(retrained.loadedFromCache()).isEqualTo(Language.values().length - 1);
        assertThat(retrained.classify("zorblax", Language.EN).intentOrUnknown()).isEqualTo("thanks");
    }

    @Test
    void tellsWhoeverWaitsThatTheFirstTrainingFailed() {
        var models = IntentModels.startTraining(null, Runnable::run, Runnable::run, IntentClassifier.DEFAULT_FLOOR);

        assertThat(models.isTrained()).isFalse();
        assertThatThrownBy(models::awaitTrained).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("intent models");
        assertThatThrownBy(() -> models.forContent(SHIPPED)).isInstanceOf(IllegalStateException.class);
    }
}
