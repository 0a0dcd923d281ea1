package org.passerelle.core.journal;

import org.passerelle.core.store.StoreUnavailableException;

/**
 * Redis is down and the message could not be kept in the journal either (it is full, or the
 * disk failed): the connector answers 5xx so that the channel delivers it again later. A kind
 * of {@link StoreUnavailableException}, so that connectors treat it the same way.
 */
public class JournalException extends StoreUnavailableException {

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
