package org.passerelle.content.validate;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.passerelle.content.Language;
import org.passerelle.content.Topic;

/**
 * The example phrases of one language across all topics: enough of them per topic, none
 * written twice, none claimed by two topics. Phrases are compared ignoring case and spacing,
 * as the classifier would see them.
 *
 * @param findings   where problems go
 * @param minPhrases the fewest phrases a topic may have in a language
 */
record PhraseChecks(Findings findings, int minPhrases) {

    void check(List<Topic> topics, Language language) {
        var owners = new HashMap<String, String>();
        for (var topic : topics) {
            topic.in(language).ifPresent(text -> check(topic.id(), language, text.phrases(), owners));
        }
    }

    private void check(String id, Language language, List<String> phrases, Map<String, String> owners) {
        if (phrases.size() < minPhrases) {
            findings.add(id, language, "phrases", phrases.size() + " phrases, at least " + minPhrases);
        }
        var seen = new HashSet<String>();
        var reported = new HashSet<String>();
        for (var phrase : phrases) {
            if (phrase.isBlank()) {
                findings.add(id, language, "phrases", "an empty phrase");
                continue;
            }
            var key = normalized(phrase);
            if (!seen.add(key)) {
                if (reported.add(key)) {
                    findings.add(id, language, "phrases", "\"" + phrase.strip() + "\" written twice");
                }
                continue;
            }
            var owner = owners.putIfAbsent(key, id);
            if (owner != null) {
                findings.add(id, language, "phrases", "\"" + phrase.strip() + "\" is also a phrase of " + owner);
            }
        }
    }

    private static String normalized(String phrase) {
        var composed = Normalizer.normalize(phrase, Normalizer.Form.NFC);
        return composed.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
