package org.passerelle.content.load;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.passerelle.content.Language;

/** Language codes as written in content files: exactly the lower-case ISO 639-1 code. */
final class LanguageCodes {

    private LanguageCodes() {
    }

    /** The language whose code is exactly this text, or empty. */
    static Optional<Language> exact(String code) {
        return Language.fromCode(code).filter(language -> language.code().equals(code));
    }

    /** The known codes, for messages: {@code fr, en, es, …}. */
    static String all() {
        return Arrays.stream(Language.values()).map(Language::code).collect(Collectors.joining(", "));
    }
}
