package org.passerelle.core.channel;

import java.util.List;
import java.util.Objects;

/** One message to send back: text, and options that the channel renders as it can. */
public record Reply(String text, List<Option> options) {

    public Reply {
        Objects.requireNonNull(text, "text");
        options = List.copyOf(options);
    }

    /** A reply without options. */
    public static Reply text(String text) {
        return new Reply(text, List.of());
    }

    @Override
    public String toString() {
        return "Reply[length=" + text.length() + ", options=" + options.size() + "]";
    }
}
