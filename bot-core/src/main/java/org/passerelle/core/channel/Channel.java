package org.passerelle.core.channel;

import java.util.Optional;

/**
 * The channels a person can write from, with what each can show. The engine reads these
 * capabilities to pick the full or the short text; connectors do the rest of the rendering.
 */
public enum Channel {
    WEBCHAT("webchat", 4096, true, false),
    TELEGRAM("telegram", 4096, true, false),
    SMS("sms", 1600, false, true),
    WHATSAPP("whatsapp", 1600, false, false);

    private final String id;
    private final int maxLength;
    private final boolean buttons;
    private final boolean shortText;

    Channel(String id, int maxLength, boolean buttons, boolean shortText) {
        this.id = id;
        this.maxLength = maxLength;
        this.buttons = buttons;
        this.shortText = shortText;
    }

    /** Stable lower-case id, used in pseudonyms and statistics. */
    public String id() {
        return id;
    }

    /** Longest text one message may carry on this channel. */
    public int maxLength() {
        return maxLength;
    }

    /** Whether options show as buttons (else as a numbered menu). */
    public boolean buttons() {
        return buttons;
    }

    /** Whether topics are answered with their short (SMS) text. */
    public boolean shortText() {
        return shortText;
    }

    /** The channel with this id, if any. */
    public static Optional<Channel> fromId(String id) {
        for (var channel : values()) {
            if (channel.id.equals(id)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
