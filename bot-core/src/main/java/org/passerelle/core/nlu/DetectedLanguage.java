package org.passerelle.core.nlu;

import org.passerelle.content.Language;

/**
 * A language found in a message.
 *
 * @param language   one of Passerelle's languages
 * @param confidence from 0 to 1
 * @param method     how it was found
 */
public record DetectedLanguage(Language language, double confidence, Method method) {

    /** How a language was found, from the most to the least certain. */
    public enum Method {
        /** The writing system says it (Han, Arabic, Cyrillic). */
        SCRIPT,
        /** Apache OpenNLP's language detector, above its confidence and length floors. */
        STATISTICAL,
        /** A short word of a known list (greetings, thanks, yes/no). */
        LEXICON,
        /**
         * The intent models: the language whose example phrases fit the message clearly better
         * than the others'. Weak evidence, used only when nothing else speaks.
         */
        CONTENT
    }

    /** Whether this is strong enough to offer her a switch of language. */
    public boolean strong() {
        return method == Method.SCRIPT || method == Method.STATISTICAL;
    }
}
