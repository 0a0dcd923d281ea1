package org.passerelle.admin.content;

import java.util.EnumMap;
import java.util.Map;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.DirectoryEntry;
import org.passerelle.content.Language;
import org.passerelle.content.Topic;
import org.passerelle.content.TopicText;
import org.passerelle.content.load.ContentLoader;

/** The shipped content, and copies of it with one thing changed, for the content pages' tests. */
final class ContentFixtures {

    static final ContentCatalog SHIPPED = ContentLoader.fromClasspath();

    private ContentFixtures() {
    }

    static TopicText text(String topicId, Language language) {
        return SHIPPED.topic(topicId).orElseThrow().in(language).orElseThrow();
    }

    /** The shipped content with one language of one topic replaced. */
    static ContentCatalog withText(String topicId, Language language, TopicText text) {
        var topics = SHIPPED.topics().stream().map(topic -> {
            if (!topic.id().equals(topicId)) {
                return topic;
            }
            var languages = new EnumMap<Language, TopicText>(Language.class);
            languages.putAll(topic.languages());
            languages.put(language, text);
            return new Topic(topic.id(), topic.kind(), topic.sources(), topic.reviewed(), topic.next(), languages);
        }).toList();
        return new ContentCatalog(topics, ui(SHIPPED, null, null, null), SHIPPED.directory());
    }

    /** The shipped content with one UI string changed and one directory entry replaced. */
    static ContentCatalog withUiAndDirectory(Language language, String key, String value, DirectoryEntry entry) {
        var directory = new java.util.HashMap<>(SHIPPED.directory());
        directory.put(entry.key(), entry);
        return new ContentCatalog(SHIPPED.topics(), ui(SHIPPED, language, key, value), directory);
    }

    private static Map<Language, Map<String, String>> ui(ContentCatalog catalog, Language language, String key,
            String value) {
        var ui = new EnumMap<Language, Map<String, String>>(Language.class);
        for (var each : Language.values()) {
            var strings = new java.util.HashMap<>(catalog.uiStrings(each));
            if (each == language) {
                strings.put(key, value);
            }
            ui.put(each, strings);
        }
        return ui;
    }
}
