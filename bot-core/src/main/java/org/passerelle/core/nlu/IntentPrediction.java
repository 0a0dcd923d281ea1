package org.passerelle.core.nlu;

import java.util.List;
import java.util.Optional;

/**
 * What the classifier makes of a message.
 *
 * @param best   the most likely intent, empty when its confidence is below the floor
 * @param ranked every intent, most likely first, for asking back with the closest topics
 */
public record IntentPrediction(Optional<ScoredIntent> best, List<ScoredIntent> ranked) {

    /** The id predicted for evaluation: the best intent, or {@code unknown}. */
    public static final String UNKNOWN = "unknown";

    public IntentPrediction {
        ranked = List.copyOf(ranked);
    }

    /** The predicted intent id, or {@link #UNKNOWN}. */
    public String intentOrUnknown() {
        return best.map(ScoredIntent::intent).orElse(UNKNOWN);
    }

    /** A prediction with nothing in it, for an empty message or a language without a model. */
    public static IntentPrediction none() {
        return new IntentPrediction(Optional.empty(), List.of());
    }
}
