package org.passerelle.core.nlu;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.core.nlu.DetectedLanguage.Method;

/**
 * The words of the content's example phrases and titles in each Latin-script language: in-domain
 * words ("indemnisation", "plangere", "albergue") that no list of small words holds. A message
 * whose words belong to one language's content more than to any other's is in that language.
 * Immutable; built with the intent models from the same catalog.
 */
final class ContentVocabulary {

    private static final Set<Language> LATIN_LANGUAGES =
            EnumSet.of(Language.FR, Language.EN, Language.ES, Language.PT, Language.RO);
    // Content words are weak evidence: one word of one language alone is enough, a shared one is not.
    private static final double MIN_LEAD = 0.5;
    private static final double BASE = 0.3;
    private static final double PER_WORD_OF_LEAD = 0.1;
    private static final double HIGHEST = 0.6;
    private static final double TIE = 1e-6;
    private static final double TIE_BROKEN = 0.25;

    private final Map<String, Set<Language>> words;

    private ContentVocabulary(Map<String, Set<Language>> words) {
        this.words = words;
    }

    static ContentVocabulary of(ContentCatalog catalog) {
        var words = new HashMap<String, Set<Language>>();
        for (var topic : catalog.topics()) {
            for (var language : LATIN_LANGUAGES) {
                topic.in(language).ifPresent(text -> {
                    add(words, text.title(), language);
                    text.phrases().forEach(phrase -> add(words, phrase, language));
                });
            }
        }
        return new ContentVocabulary(Map.copyOf(words));
    }

    /**
     * The language whose content holds the message's words clearly more than any other's; when
     * several hold them equally, the prior if it is one of them, less sure.
     *
     * @param prior null for no tie-break
     */
    Optional<DetectedLanguage> closestLanguage(String text, Language prior) {
        var points = new double[Language.values().length];
        for (var token : Tokens.of(text)) {
            var languages = words.get(token);
            if (languages != null) {
                languages.forEach(language -> points[language.ordinal()] += 1.0 / languages.size());
            }
        }
        Language best = null;
        double first = 0;
        double second = 0;
        for (var language : LATIN_LANGUAGES) {
            double p = points[language.ordinal()];
            if (p > first) {
                second = first;
                first = p;
                best = language;
            } else if (p > second) {
                second = p;
            }
        }
        double lead = first - second;
        if (best != null && lead >= MIN_LEAD) {
            return Optional.of(new DetectedLanguage(best, Math.min(HIGHEST, BASE + PER_WORD_OF_LEAD * lead),
                    Method.CONTENT));
        }
        boolean priorAmongFirst = prior != null && first > 0 && first - points[prior.ordinal()] < TIE;
        return priorAmongFirst ? Optional.of(new DetectedLanguage(prior, TIE_BROKEN, Method.CONTENT)) : Optional.empty();
    }

    private static void add(Map<String, Set<Language>> words, String text, Language language) {
        for (var token : Tokens.of(text)) {
            words.computeIfAbsent(token, key -> EnumSet.noneOf(Language.class)).add(language);
        }
    }
}
