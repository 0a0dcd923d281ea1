package org.passerelle.content.validate;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.ContentInvalidException;
import org.passerelle.content.Language;

/**
 * Checks a whole catalog before it is shipped or published, and says what is wrong and where.
 *
 * <p>It reports: a required topic that is missing; a topic without sources; a {@code next}
 * entry that is neither a topic nor one of {@link org.passerelle.content.load.ContentLoader#NEXT_ACTIONS};
 * for each checked language, a topic without that language, an empty title, text or SMS text, a
 * reference to a key missing from the directory, a full text over {@value #MAX_TEXT_LENGTH}
 * characters or an SMS text over {@value #MAX_SMS_SEGMENTS} segments once references are
 * resolved (an unconfirmed entry resolves to the words that send her to a mediator), too few
 * example phrases, a phrase written twice or claimed by two topics, a UI key of
 * {@link org.passerelle.content.UiKeys#ALL} missing or empty; and a confirmed directory entry
 * without a value.
 *
 * <p>The checked languages are the required ones plus those the catalog offers
 * ({@link ContentCatalog#languages()}), since an offered language reaches people whether or not
 * it was required. A language that is neither (a translation under way) is not checked.
 *
 * <p>Works on the catalog alone, reads no file, and keeps no state between calls.
 */
public final class ContentValidator {

    /** The longest full text, in UTF-16 code units: one Telegram message. */
    public static final int MAX_TEXT_LENGTH = 4096;
    /** The most SMS segments an SMS text may take. */
    public static final int MAX_SMS_SEGMENTS = 2;
    /** The fewest example phrases per topic and language, unless configured otherwise. */
    public static final int MIN_PHRASES = 15;

    private final Set<Language> requiredLanguages;
    private final List<String> requiredTopics;
    private final int minPhrases;

    /**
     * A validator that requires these languages for every topic and UI key, no particular
     * topic, and {@value #MIN_PHRASES} phrases per topic and language.
     */
    public ContentValidator(Set<Language> requiredLanguages) {
        this(requiredLanguages, List.of(), MIN_PHRASES);
    }

    /**
     * @param requiredLanguages languages every topic and UI key must have
     * @param requiredTopics    topic ids the catalog must hold
     * @param minPhrases        the fewest example phrases per topic and language
     * @throws IllegalArgumentException when {@code minPhrases} is negative
     */
    public ContentValidator(Set<Language> requiredLanguages, List<String> requiredTopics, int minPhrases) {
        if (minPhrases < 0) {
            throw new IllegalArgumentException("minPhrases " + minPhrases);
        }
        var languages = EnumSet.noneOf(Language.class);
        languages.addAll(requiredLanguages);
        this.requiredLanguages = Collections.unmodifiableSet(languages);
        this.requiredTopics = List.copyOf(requiredTopics);
        this.minPhrases = minPhrases;
    }

    /** A validator that requires every language Passerelle speaks, as a publish does. */
    public static ContentValidator forEveryLanguage() {
        return new ContentValidator(EnumSet.allOf(Language.class));
    }

    /** The languages required of every topic and UI key, in the order of {@link Language}. */
    public Set<Language> requiredLanguages() {
        return requiredLanguages;
    }

    /**
     * Every problem of the catalog, empty when it is valid: missing topics, then each topic's
     * fields, then phrases per language, then UI strings, then the directory.
     */
    public List<ContentProblem> check(ContentCatalog catalog) {
        Objects.requireNonNull(catalog, "catalog");
        var findings = new Findings();
        var languages = EnumSet.noneOf(Language.class);
        languages.addAll(requiredLanguages);
        languages.addAll(catalog.languages());
        for (var id : requiredTopics) {
            if (catalog.topic(id).isEmpty()) {
                findings.add(id, null, null, "missing (a required topic)");
            }
        }
        var topics = new TopicChecks(catalog, findings);
        catalog.topics().forEach(topic -> topics.check(topic, languages));
        var phrases = new PhraseChecks(findings, minPhrases);
        languages.forEach(language -> phrases.check(catalog.topics(), language));
        var ui = new UiChecks(catalog, findings);
        languages.forEach(ui::checkStrings);
        ui.checkDirectory(languages);
        return findings.list();
    }

    /**
     * Returns the catalog when it has no problem.
     *
     * @throws ContentInvalidException listing every problem, each as {@link ContentProblem#describe()}
     */
    public ContentCatalog requireValid(ContentCatalog catalog) {
        var problems = check(catalog);
        if (!problems.isEmpty()) {
            throw new ContentInvalidException(problems.stream().map(ContentProblem::describe).toList());
        }
        return catalog;
    }
}
