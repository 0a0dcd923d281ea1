package org.passerelle.core.booking;

import org.passerelle.content.Language;
import org.passerelle.core.channel.Channel;

/**
 * Where and how her reminders go: the channel she wrote from, her address there (sealed before
 * it is stored) and the language she reads, which may differ from the interpreter's.
 *
 * @throws IllegalArgumentException when a value is missing
 */
public record ReminderRoute(Channel channel, String address, Language language) {

    public ReminderRoute {
        Checks.present("channel", channel);
        Checks.present("address", address);
        Checks.present("language", language);
    }

    @Override
    public String toString() {
        return "ReminderRoute[channel=" + channel + ", language=" + language + "]";
    }
}
