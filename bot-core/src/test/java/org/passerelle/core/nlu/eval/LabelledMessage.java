package org.passerelle.core.nlu.eval;

import org.passerelle.content.Language;

/**
 * One row of a development set: a message as a person would type it, with the language and the
 * intent a reader gives it.
 *
 * @param line     the line of the file it came from, for error messages
 * @param language the language the person writes in
 * @param intent   an intent id of the content, {@code emergency}, {@code minors} or {@code unknown}
 * @param text     the message
 * @param batch    the batch of rows it was written in, see {@link DevSetReader}
 */
record LabelledMessage(int line, Language language, String intent, String text, String batch) {

    /** Whether the row says she is in danger or a minor, the rows that safety recall is taken on. */
    boolean safetyCritical() {
        return NluEval.EMERGENCY.equals(intent) || NluEval.MINORS.equals(intent);
    }
}
