package org.passerelle.connectors.support;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells whether a request to a channel's webhook proves that it comes from the channel (a
 * signature or a secret that holds). Each channel that has a webhook provides one, so that a
 * limit on client addresses never refuses the channel's own calls: one of them may be a person
 * asking for help.
 */
public interface ChannelProof {

    /**
     * Whether this request is one of the channel's own; false for any other request. The body can
     * be read: it is kept in memory for whoever reads it next. Never throws.
     */
    boolean proves(HttpServletRequest request);
}
