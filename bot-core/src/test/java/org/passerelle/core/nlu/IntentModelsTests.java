package org.passerelle.core.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
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
}
