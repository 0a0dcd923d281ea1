package org.passerelle.core.nlu;

import java.util.Optional;
import java.util.Set;
import org.passerelle.content.Language;

/**
 * What Passerelle understood of one message.
 *
 * @param safety   what the safety rules found, empty when nothing
 * @param detected the language the message seems to be written in, if any
 * @param language the language the intent was read in
 * @param intent   the intents, most likely first
 */
public record Understood(Set<SafetySignal> safety, Optional<DetectedLanguage> detected, Language language,
        IntentPrediction intent) {

    public Understood {
        safety = Set.copyOf(safety);
    }

    /** Whether the message speaks of danger now. */
    public boolean danger() {
        return safety.contains(SafetySignal.DANGER);
    }

    /** Whether the message speaks of someone under 18. */
    public boolean minor() {
        return safety.contains(SafetySignal.MINOR);
    }

    /**
     * The intent the conversation acts on: the safety rules first (danger, minor, erase), then
     * the classifier's best intent, else {@link IntentPrediction#UNKNOWN}.
     */
    public String intentId() {
        if (danger()) {
            return "emergency";
        }
        if (minor()) {
            return "minors";
        }
        if (safety.contains(SafetySignal.ERASE)) {
            return "erase";
        }
        return intent.intentOrUnknown();
    }
}
