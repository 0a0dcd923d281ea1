package org.passerelle.admin.content;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.content.Topic;
import org.passerelle.content.TopicText;
import org.passerelle.content.validate.ContentValidator;

/**
 * Checks one draft before it is saved, with the rules a publish applies, so that she learns at
 * once, next to the field, what would stop the publish: an empty title, text or SMS text, a
 * reference missing from the directory or badly written, a full text too long or an SMS text
 * over its segments once references are resolved, and the phrase rules of the validator.
 */
final class DraftCheck {

    /**
     * One problem, as a message key of the pages and its arguments.
     *
     * @param field the form field: {@code title}, {@code text}, {@code sms} or {@code phrases}
     * @param key   the message key
     * @param args  the message's arguments
     */
    record Problem(String field, String key, List<Object> args) {
    }

    private static final String OPENING = "{service:";
    // How the validator words a phrase that two topics claim, before the other topic's id.
    private static final String CLAIMED = " is also a phrase of ";

    private final ContentValidator validator;

    DraftCheck(ContentValidator validator) {
        this.validator = validator;
    }

    /** Every problem of the draft in the catalog in force, empty when it may be saved. */
    List<Problem> check(ContentCatalog catalog, Topic topic, Language language, TopicText draft) {
        var problems = new ArrayList<Problem>();
        required(problems, "title", draft.title());
        required(problems, "text", draft.text());
        required(problems, "sms", draft.sms());
        references(problems, catalog, "title", draft.title());
        references(problems, catalog, "text", draft.text());
        references(problems, catalog, "sms", draft.sms());
        int length = catalog.resolve(draft.text(), language).length();
        if (length > ContentValidator.MAX_TEXT_LENGTH) {
            problems.add(new Problem("text", "content.error.textLength", List.of(length,
                    ContentValidator.MAX_TEXT_LENGTH)));
        }
        var sms = SmsPreview.of(catalog.resolve(draft.sms(), language));
        if (sms.tooLong()) {
            problems.add(new Problem("sms", "content.error.smsSegments", List.of(sms.segments(), sms.encoding(),
                    SmsPreview.MAX_SEGMENTS)));
        }
        phrases(problems, catalog, topic, language, draft);
        return problems;
    }

    private static void required(List<Problem> problems, String field, String value) {
        if (value.isBlank()) {
            problems.add(new Problem(field, "content.error.required", List.of()));
        }
    }

    private static void references(List<Problem> problems, ContentCatalog catalog, String field, String value) {
        var matcher = ContentCatalog.REFERENCE.matcher(value);
        int wellFormed = 0;
        while (matcher.find()) {
            wellFormed++;
            if (catalog.directoryEntry(matcher.group(1)).isEmpty()) {
                problems.add(new Problem(field, "content.error.unknownReference", List.of(matcher.group())));
            }
        }
        int openings = 0;
        for (int at = value.indexOf(OPENING); at >= 0; at = value.indexOf(OPENING, at + 1)) {
            openings++;
        }
        if (openings > wellFormed) {
            problems.add(new Problem(field, "content.error.malformedReference", List.of()));
        }
    }

    /** The validator's phrase rules, run on the catalog as it would be with this draft in it. */
    private void phrases(List<Problem> problems, ContentCatalog catalog, Topic topic, Language language,
            TopicText draft) {
        var languages = new EnumMap<Language, TopicText>(Language.class);
        languages.putAll(topic.languages());
        languages.put(language, draft);
        var edited = new Topic(topic.id(), topic.kind(), topic.sources(), topic.reviewed(), topic.next(), languages);
        var topics = catalog.topics().stream().map(t -> t.id().equals(topic.id()) ? edited : t).toList();
        var ui = new EnumMap<Language, java.util.Map<String, String>>(Language.class);
        for (var each : Language.values()) {
            ui.put(each, catalog.uiStrings(each));
        }
        var candidate = new ContentCatalog(topics, ui, catalog.directory());
        var claimedHere = CLAIMED + topic.id();
        for (var problem : validator.check(candidate)) {
            if (!language.code().equals(problem.language()) || !"phrases".equals(problem.field())) {
                continue;
            }
            if (topic.id().equals(problem.place())) {
                problems.add(new Problem("phrases", "content.error.phrases", List.of(problem.message())));
            } else if (problem.message().endsWith(claimedHere)) {
                // The validator blames the later topic of the two; here the draft is the one to fix.
                var phrase = problem.message().substring(0, problem.message().length() - claimedHere.length());
                problems.add(new Problem("phrases", "content.error.phrases", List.of(phrase + CLAIMED + problem.place())));
            }
        }
    }
}
