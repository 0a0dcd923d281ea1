package org.passerelle.core.nlu.eval;

import java.util.Optional;
import org.passerelle.content.Language;

/**
 * What each judge made of one row.
 *
 * @param message  the labelled row
 * @param language Passerelle's language, empty when it found none
 * @param opennlp  the language of OpenNLP's detector alone
 * @param lingua   the language of Lingua restricted to the eight languages
 * @param intent   Passerelle's intent: {@code emergency} on danger, else {@code minors} on a
 *                 minor, else the classifier's intent or {@code unknown}
 * @param alarm    whether the safety rules fired (danger or minor)
 */
record Verdict(
        LabelledMessage message,
        Optional<Language> language,
        Optional<Language> opennlp,
        Optional<Language> lingua,
        String intent,
        boolean alarm) {

    boolean languageRight() {
        return language.filter(message.language()::equals).isPresent();
    }

    boolean opennlpRight() {
        return opennlp.filter(message.language()::equals).isPresent();
    }

    boolean linguaRight() {
        return lingua.filter(message.language()::equals).isPresent();
    }

    boolean intentRight() {
        return message.intent().equals(intent);
    }
}
