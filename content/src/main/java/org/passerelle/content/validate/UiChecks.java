package org.passerelle.content.validate;

import java.util.ArrayList;
import java.util.Set;
import java.util.TreeMap;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.content.UiKeys;

/**
 * The UI strings of each checked language and the directory entries they and the topics
 * refer to.
 *
 * @param catalog  the catalog checked
 * @param findings where problems go
 */
record UiChecks(ContentCatalog catalog, Findings findings) {

    void checkStrings(Language language) {
        var strings = catalog.uiStrings(language);
        for (var key : UiKeys.ALL) {
            var value = strings.get(key);
            if (value == null) {
                findings.add(ContentProblem.UI, language, key, "missing");
            } else if (value.isBlank()) {
                findings.add(ContentProblem.UI, language, key, "empty");
            }
        }
        new TreeMap<>(strings).forEach((key, value) -> References.problems(value, catalog)
                .forEach(problem -> findings.add(ContentProblem.UI, language, key, problem)));
    }

    /** A confirmed entry must have a value to show in every checked language. */
    void checkDirectory(Set<Language> languages) {
        new TreeMap<>(catalog.directory()).forEach((key, entry) -> {
            if (!entry.confirmed()) {
                return;
            }
            var without = new ArrayList<Language>();
            for (var language : languages) {
                if (entry.value(language).isEmpty()) {
                    without.add(language);
                }
            }
            if (!without.isEmpty() && without.size() == languages.size()) {
                findings.add(ContentProblem.DIRECTORY, null, key, "confirmed but without a value");
            } else {
                without.forEach(language ->
                        findings.add(ContentProblem.DIRECTORY, language, key, "confirmed but without a value"));
            }
        });
    }
}
