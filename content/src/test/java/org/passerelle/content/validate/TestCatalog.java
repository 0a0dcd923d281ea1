package org.passerelle.content.validate;

import static org.passerelle.content.Language.EN;
import static org.passerelle.content.Language.FR;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.DirectoryEntry;
import org.passerelle.content.Language;
import org.passerelle.content.ReviewStatus;
import org.passerelle.content.Topic;
import org.passerelle.content.TopicKind;
import org.passerelle.content.TopicText;
import org.passerelle.content.UiKeys;

/** Small valid catalogs built in code, which a test then breaks in one place. */
final class TestCatalog {

    /** A confirmed value longer than the reference that names it. */
    static final String HOURS = "Monday to Friday, from 9.30 am to 5.30 pm";
    static final String UNCONFIRMED = "ask a mediator";

    private TestCatalog() {
    }

    /** Topics alpha and beta, with texts and UI strings in each language. */
    static ContentCatalog valid(Language... languages) {
        return catalog(List.of(topic("alpha", languages), topic("beta", languages)), languages);
    }

    static ContentCatalog catalog(List<Topic> topics, Language... uiLanguages) {
        return new ContentCatalog(topics, ui(uiLanguages), directory());
    }

    static ContentCatalog catalog(List<Topic> topics, Map<Language, Map<String, String>> ui) {
        return new ContentCatalog(topics, ui, directory());
    }

    static Topic topic(String id, Language... languages) {
        var texts = new EnumMap<Language, TopicText>(Language.class);
        for (var language : languages) {
            texts.put(language, text(id, language));
        }
        return new Topic(id, TopicKind.INFORMATION, List.of("Code pénal, art. 225-4-1"),
                LocalDate.of(2026, 11, 28), List.of("talk_to_human", "menu"), texts);
    }

    /** A valid text whose phrases belong to this topic only. */
    static TopicText text(String id, Language language) {
        var phrases = IntStream.rangeClosed(1, ContentValidator.MIN_PHRASES)
                .mapToObj(i -> id + " question " + i + " " + language.code())
                .toList();
        return new TopicText(ReviewStatus.DRAFT, id + " title",
                "Call {service:number.police}. Address: {service:pad18.address}. Open {service:pad18.hours}.",
                "Call {service:number.police}.", phrases);
    }

    /** The topic with one language's text changed. */
    static Topic change(Topic topic, Language language, UnaryOperator<TopicText> change) {
        var texts = new EnumMap<>(topic.languages());
        texts.put(language, change.apply(topic.in(language).orElseThrow()));
        return new Topic(topic.id(), topic.kind(), topic.sources(), topic.reviewed(), topic.next(), texts);
    }

    static TopicText title(TopicText text, String title) {
        return new TopicText(text.status(), title, text.text(), text.sms(), text.phrases());
    }

    static TopicText fullText(TopicText text, String fullText) {
        return new TopicText(text.status(), text.title(), fullText, text.sms(), text.phrases());
    }

    static TopicText sms(TopicText text, String sms) {
        return new TopicText(text.status(), text.title(), text.text(), sms, text.phrases());
    }

    static TopicText phrases(TopicText text, List<String> phrases) {
        return new TopicText(text.status(), text.title(), text.text(), text.sms(), phrases);
    }

    /** Every UI key in each language. */
    static Map<Language, Map<String, String>> ui(Language... languages) {
        var ui = new EnumMap<Language, Map<String, String>>(Language.class);
        for (var language : languages) {
            var strings = new LinkedHashMap<String, String>();
            UiKeys.ALL.forEach(key -> strings.put(key, language.code() + " " + key));
            strings.put(UiKeys.DIRECTORY_UNCONFIRMED, UNCONFIRMED);
            ui.put(language, strings);
        }
        return ui;
    }

    static Map<String, DirectoryEntry> directory() {
        return Map.of(
                "number.police", new DirectoryEntry("number.police", "17", Map.of(), true),
                "pad18.hours", new DirectoryEntry("pad18.hours", HOURS, Map.of(), true),
                "pad18.address", new DirectoryEntry("pad18.address", null, Map.of(), false));
    }

    /** Topics alpha and beta in French and English. */
    static List<Topic> twoTopics() {
        return List.of(topic("alpha", FR, EN), topic("beta", FR, EN));
    }

    /** A French and English topic offering these next steps. */
    static Topic withNext(String id, String... next) {
        var topic = topic(id, FR, EN);
        return new Topic(id, topic.kind(), topic.sources(), topic.reviewed(), List.of(next), topic.languages());
    }

    /** The catalog with topic alpha's text in one language changed. */
    static ContentCatalog withText(ContentCatalog catalog, Language language, UnaryOperator<TopicText> edit) {
        var topics = catalog.topics().stream()
                .map(topic -> topic.id().equals("alpha") ? change(topic, language, edit) : topic)
                .toList();
        var ui = new EnumMap<Language, Map<String, String>>(Language.class);
        for (var uiLanguage : Language.values()) {
            if (!catalog.uiStrings(uiLanguage).isEmpty()) {
                ui.put(uiLanguage, catalog.uiStrings(uiLanguage));
            }
        }
        return new ContentCatalog(topics, ui, catalog.directory());
    }
}
