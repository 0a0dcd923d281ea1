package org.passerelle.core.nlu;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.content.Topic;
import org.passerelle.content.TopicText;

/** Catalogs as an admin's edit leaves them, for the tests of the intent models. */
final class EditedCatalogs {

    private EditedCatalogs() {
    }

    /** The catalog where the English thanks topic also answers to a made-up word. */
    static ContentCatalog withNewPhrase(ContentCatalog catalog, String phrase) {
        var topics = new ArrayList<Topic>();
        for (var topic : catalog.topics()) {
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
        var ui = new EnumMap<Language, Map<String, String>>(Language.class);
        for (var language : Language.values()) {
            ui.put(language, catalog.uiStrings(language));
        }
        return new ContentCatalog(topics, ui, catalog.directory());
    }
}
