package org.passerelle.core.nlu;

import java.util.Optional;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;

/**
 * The whole understanding step of one message: the safety rules first, then the language, then
 * the intent in that language. Thread-safe.
 */
public final class Understanding {

    private final SafetyRules safety;
    private final LanguageDetector detector;
    private final IntentModels intents;

    public Understanding(SafetyRules safety, LanguageDetector detector, IntentModels intents) {
        this.safety = safety;
        this.detector = detector;
        this.intents = intents;
    }

    /**
     * Reads a message.
     *
     * @param text     what she wrote
     * @param session  the language of her conversation, null while she has not chosen one
     * @param catalog  the content in force, whose phrases the intent models learnt
     */
    public Understood understand(String text, Language session, ContentCatalog catalog) {
        var signals = safety.scan(text);
        var classifier = intents.forContent(catalog);
        var detected = language(text, session, classifier);
        // Her own language sticks; a message clearly in another language is read in that one.
        var language = detected.filter(d -> session == null || d.strong())
                .map(DetectedLanguage::language)
                .orElse(session != null ? session : Language.SOURCE);
        var prediction = classifier.classify(text, language);
        return new Understood(signals, detected, language, prediction);
    }

    // The content's words come before a default; a tie left goes to her language, or to French.
    private Optional<DetectedLanguage> language(String text, Language session, IntentClassifier classifier) {
        var prior = session != null ? session : Language.SOURCE;
        return detector.detect(text)
                .or(() -> classifier.closestLanguage(text))
                .or(() -> detector.detect(text, prior))
                .or(() -> classifier.closestLanguage(text, prior));
    }

    /** The safety rules alone, for the turns that need nothing more. */
    public SafetyRules safety() {
        return safety;
    }
}
