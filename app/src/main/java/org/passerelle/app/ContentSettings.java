package org.passerelle.app;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.passerelle.content.Language;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Content settings ({@code passerelle.content.*}).
 *
 * @param requiredLanguages the languages every topic and UI string must have before a publish
 *                          (or the seed) is accepted; languages that people can choose are
 *                          checked as well
 */
@ConfigurationProperties("passerelle.content")
public record ContentSettings(@DefaultValue({"fr", "en", "es", "pt", "ro", "bg", "ar", "zh"}) List<String> requiredLanguages) {

    /**
     * The required languages as values.
     *
     * @throws StartupException when a code is not one of Passerelle's languages
     */
    public Set<Language> requiredLanguageSet() {
        var languages = EnumSet.noneOf(Language.class);
        for (var code : requiredLanguages) {
            languages.add(Language.fromCode(code).orElseThrow(() -> new StartupException(
                    "passerelle.content.required-languages names an unknown language '" + code + "'",
                    "Use codes among fr, en, es, pt, ro, bg, ar, zh.", null)));
        }
        return languages;
    }
}
