package org.passerelle.core.channel;

import java.util.Objects;

/**
 * A choice offered with a reply. The key comes back as the text of the next message when
 * she taps a button; the label is what she reads.
 */
public record Option(String key, String label) {

    public Option {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
    }
}
