package org.passerelle.content.validate;

import java.util.Optional;
import java.util.Set;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.content.Topic;
import org.passerelle.content.TopicText;
import org.passerelle.content.load.ContentLoader;
import org.passerelle.content.sms.SmsSegments;

/**
 * The checks of one topic: sources, next steps, and for each language its fields, their
 * references and their lengths once resolved. Phrases are checked by {@link PhraseChecks}.
 *
 * @param catalog  the catalog the topic belongs to, which resolves references
 * @param findings where problems go
 */
record TopicChecks(ContentCatalog catalog, Findings findings) {

    void check(Topic topic, Set<Language> languages) {
        if (topic.sources().isEmpty()) {
            findings.add(topic.id(), null, "sources", "none (at least one law article or official page)");
        } else if (topic.sources().stream().anyMatch(String::isBlank)) {
            findings.add(topic.id(), null, "sources", "an empty source");
        }
        for (var next : topic.next()) {
            if (catalog.topic(next).isEmpty() && !ContentLoader.NEXT_ACTIONS.contains(next)) {
                findings.add(topic.id(), null, "next", "unknown '" + next + "' (neither a topic nor one of "
                        + String.join(", ", ContentLoader.NEXT_ACTIONS) + ")");
            }
        }
        for (var language : languages) {
            topic.in(language).ifPresentOrElse(
                    text -> check(topic.id(), language, text),
                    () -> findings.add(topic.id(), language, null, "missing"));
        }
    }

    private void check(String id, Language language, TopicText text) {
        nonBlank(id, language, "title", text.title());
        nonBlank(id, language, "text", text.text());
        nonBlank(id, language, "sms", text.sms());
        references(id, language, "text", text.text());
        references(id, language, "sms", text.sms());
        resolve(id, language, "text", text.text()).ifPresent(full -> {
            if (full.length() > ContentValidator.MAX_TEXT_LENGTH) {
                findings.add(id, language, "text", full.length() + " characters once resolved, at most "
                        + ContentValidator.MAX_TEXT_LENGTH);
            }
        });
        resolve(id, language, "sms", text.sms()).ifPresent(sms -> checkSegments(id, language, sms));
    }

    private void checkSegments(String id, Language language, String sms) {
        var count = SmsSegments.count(sms);
        if (count.segments() <= ContentValidator.MAX_SMS_SEGMENTS) {
            return;
        }
        var why = SmsSegments.isGsm7(sms)
                ? count.units() + " septets of GSM-7"
                : "UCS-2 because of " + Characters.quoted(SmsSegments.nonGsm7Characters(sms));
        findings.add(id, language, "sms", count.segments() + " segments (" + why + "), at most "
                + ContentValidator.MAX_SMS_SEGMENTS);
    }

    private void nonBlank(String id, Language language, String field, String value) {
        if (value.isBlank()) {
            findings.add(id, language, field, "empty");
        }
    }

    private void references(String id, Language language, String field, String value) {
        References.problems(value, catalog).forEach(problem -> findings.add(id, language, field, problem));
    }

    /** The text as a person receives it, or empty when the catalog cannot resolve it. */
    private Optional<String> resolve(String id, Language language, String field, String value) {
        try {
            return Optional.of(catalog.resolve(value, language));
        } catch (IllegalArgumentException e) {
            findings.add(id, language, field, "cannot be resolved: " + e.getMessage());
            return Optional.empty();
        }
    }
}
