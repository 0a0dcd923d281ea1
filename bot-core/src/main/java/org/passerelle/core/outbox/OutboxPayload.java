package org.passerelle.core.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.passerelle.core.channel.Option;
import org.passerelle.core.channel.Reply;

/**
 * A reply as one string, to be sealed whole: a version mark, then the text and each option's
 * key and label, each as its length, a colon and itself, so that any character round-trips.
 * Also reads the clear {@code text} and {@code options} fields that earlier versions wrote.
 */
final class OutboxPayload {

    private static final String VERSION = "r1;";

    private OutboxPayload() {
    }

    static String encode(Reply reply) {
        var out = new StringBuilder(VERSION);
        part(out, reply.text());
        for (var option : reply.options()) {
            part(out, option.key());
            part(out, option.label());
        }
        return out.toString();
    }

    /**
     * The reply in an encoded payload.
     *
     * @throws IllegalArgumentException when it is not one; the message never quotes it
     */
    static Reply decode(String payload) {
        if (payload == null || !payload.startsWith(VERSION)) {
            throw new IllegalArgumentException("the reply has an unknown form");
        }
        var parts = new ArrayList<String>();
        int at = VERSION.length();
        while (at < payload.length()) {
            int colon = payload.indexOf(':', at);
            long length = colon < 0 ? -1 : digits(payload, at, colon);
            if (length < 0 || colon + 1 + length > payload.length()) {
                throw new IllegalArgumentException("the reply is cut or damaged");
            }
            parts.add(payload.substring(colon + 1, colon + 1 + (int) length));
            at = colon + 1 + (int) length;
        }
        if (parts.size() % 2 == 0) {
            throw new IllegalArgumentException("the reply is cut or damaged");
        }
        var options = new ArrayList<Option>();
        for (int i = 1; i < parts.size(); i += 2) {
            options.add(new Option(parts.get(i), parts.get(i + 1)));
        }
        return new Reply(parts.get(0), options);
    }

    /**
     * A reply written in clear by an earlier version, still waiting at the upgrade.
     *
     * @throws IllegalArgumentException when the entry holds no text either
     */
    static Reply legacy(Map<String, String> fields) {
        var text = fields.get("text");
        if (text == null) {
            throw new IllegalArgumentException("the entry holds no reply");
        }
        var options = new ArrayList<Option>();
        for (var line : fields.getOrDefault("options", "").split("\n")) {
            var tab = line.indexOf('\t');
            if (tab > 0) {
                options.add(new Option(line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        return new Reply(text, List.copyOf(options));
    }

    private static void part(StringBuilder out, String text) {
        out.append(text.length()).append(':').append(text);
    }

    /** The decimal number between from and to, or -1 when there is none or it is too long. */
    private static long digits(String text, int from, int to) {
        if (to == from || to - from > 9) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
