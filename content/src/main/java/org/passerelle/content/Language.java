package org.passerelle.content;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages Passerelle speaks, with their ISO 639-1 code, their own name and writing
 * direction. French is the source language of the content.
 */
public enum Language {
    FR("fr", "Français", false),
    EN("en", "English", false),
    ES("es", "Español", false),
    PT("pt", "Português", false),
    RO("ro", "Română", false),
    BG("bg", "Български", false),
    AR("ar", "العربية", true),
    ZH("zh", "中文", false);

    /** The language of the source texts and the last fallback. */
    public static final Language SOURCE = FR;

    private final String code;
    private final String nativeName;
    private final boolean rightToLeft;

    Language(String code, String nativeName, boolean rightToLeft) {
        this.code = code;
        this.nativeName = nativeName;
        this.rightToLeft = rightToLeft;
    }

    /** The ISO 639-1 code, lower case. */
    public String code() {
        return code;
    }

    /** The language's name in itself, as a person who reads it would recognise it. */
    public String nativeName() {
        return nativeName;
    }

    /** Whether the language is written right to left. */
    public boolean rightToLeft() {
        return rightToLeft;
    }

    /** The language for an ISO 639-1 code, case-insensitive; empty when unknown or null. */
    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        var wanted = code.trim().toLowerCase(Locale.ROOT);
        for (var language : values()) {
            if (language.code.equals(wanted)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
