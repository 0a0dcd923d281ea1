package org.passerelle.content;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A topic of the corpus, all languages in it. Its id is the intent id that the classifier
 * predicts.
 *
 * @param id        intent id, e.g. {@code complaint}
 * @param kind      information or action
 * @param sources   law articles or official pages the text rests on
 * @param reviewed  date of the last review of the French source
 * @param next      ids of the actions or topics offered after the answer
 * @param languages the text of each language present
 */
public record Topic(
        String id,
        TopicKind kind,
        List<String> sources,
        LocalDate reviewed,
        List<String> next,
        Map<Language, TopicText> languages) {

    public Topic {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        sources = List.copyOf(sources);
        next = List.copyOf(next);
        languages = languages.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(languages));
    }

    /** The text in this language, if the topic has one. */
    public Optional<TopicText> in(Language language) {
        return Optional.ofNullable(languages.get(language));
    }

    /** The text in this language, else in the source language. */
    public TopicText inOrSource(Language language) {
        var text = languages.get(language);
        return text != null ? text : languages.get(Language.SOURCE);
    }
}
