package org.passerelle.core.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.content.Topic;
import org.passerelle.content.TopicText;
import org.passerelle.content.load.ContentLoader;

class IntentModelsTests {

    private static final ContentCatalog SHIPPED = ContentLoader.fromClasspath();

    /** The shipped content where the English thanks topic also answers to a made-up word. */
    private static ContentCatalog withNewPhrase(String phrase) {
        var topics = new ArrayList<Topic>();
        for (var topic : SHIPPED.topics()) {
            if (topic.id().equals("thanks")) {
                var languages = new EnumMap<Language, TopicText>(Language.class);
                languages.putAll(topic.languages());
                var en = topic.in(Language.EN).orElseThrow();
                var phrases = new ArrayList<>(en.phrases());
                phrases.add(phrase);
                phrases.add(phrase + " " + phrase);
                languages.put(Language.EN, new TopicText(en.status(), en.title(), en.text(), en.sms(), phrases));
                topic = new Topic(topic.id(), topic.kind(), topic.sources(), topic.reviewed(), topic.next(), languages);
            }
            topics.add(topic);
        }
        var ui = new EnumMap<Language, java.util.Map<String, String>>(Language.class);
        for (var language : Language.values()) {
            ui.put(language, SHIPPED.uiStrings(language));
        }
        return new ContentCatalog(topics, ui, SHIPPED.directory());
    }

    @Test
    void keepsTheOldModelsUntilTheNewOnesAreTrainedInTheBackground() {
        var pending = new ArrayList<Runnable>();
        var models = new IntentModels(SHIPPED, pending::add, IntentClassifier.DEFAULT_FLOOR);
        var published = withNewPhrase("zorblax");

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
        var published = withNewPhrase("zorblax");

        var before = models.forContent(published);
        assertThat(pending).hasSize(1);
        pending.get(0).run();

        assertThat(models.forContent(published)).isNotSameAs(before);
        assertThat(models.forContent(published).classify("zorblax", Language.EN).intentOrUnknown()).isEqualTo("thanks");
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
