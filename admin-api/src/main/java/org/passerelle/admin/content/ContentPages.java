package org.passerelle.admin.content;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.passerelle.content.Language;
import org.passerelle.content.ReviewStatus;
import org.passerelle.content.Topic;
import org.passerelle.content.TopicText;
import org.passerelle.core.content.ContentEditor;
import org.passerelle.core.content.Draft;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** What the content pages share: finding a topic and a language from the address, statuses, dates. */
final class ContentPages {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private ContentPages() {
    }

    /** The language of a path, exactly as written (lower case); 404 otherwise. */
    static Language language(String code) {
        return Language.fromCode(code).filter(l -> l.code().equals(code))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no language '" + code + "'"));
    }

    /** The topic of the version in force; 404 when there is none. */
    static Topic topic(ContentEditor editor, String topicId) {
        return editor.catalog(editor.currentVersion()).topic(topicId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no topic '" + topicId + "'"));
    }

    /** The pending draft of one language of a topic, if any. */
    static java.util.Optional<Draft> draft(List<Draft> drafts, String topicId, Language language) {
        return drafts.stream().filter(d -> d.topicId().equals(topicId) && d.language() == language).findFirst();
    }

    /** The status as the pages show it: its CSS class, which is also the end of its message key. */
    static String status(TopicText text) {
        if (text == null) {
            return "missing";
        }
        return text.status() == ReviewStatus.REVIEWED ? "ok" : text.status().yamlName();
    }

    /** A date and time in Paris, as staff read it. */
    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(PARIS));
    }

    /** The phrases typed one per line, without empty lines. */
    static List<String> phrases(String lines) {
        if (lines == null) {
            return List.of();
        }
        return lines.lines().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
