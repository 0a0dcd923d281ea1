package org.passerelle.connectors.twilio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.passerelle.content.sms.SmsSegments;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.Reply;

/**
 * Renders a reply as the bodies of one or more Twilio messages: options become a numbered menu
 * under the text, and the whole is split at paragraph, then line, then word boundaries so that
 * each body stays within Twilio's 1600 characters and, for SMS, within the ten segments that
 * carriers reassemble reliably.
 */
final class TwilioText {

    /** Longest body Twilio accepts in one message. */
    static final int MAX_BODY = 1600;

    /** Most segments one SMS body may take before delivery gets unreliable. */
    static final int MAX_SMS_SEGMENTS = 10;

    private static final List<String> SEPARATORS = List.of("\n\n", "\n", " ");

    // Typographic marks with a plain GSM-7 look-alike: one of them alone would halve what a segment holds.
    private static final Map<Character, String> GSM7_LOOKALIKES = Map.ofEntries(
            Map.entry('\u2018', "'"), Map.entry('\u2019', "'"), Map.entry('\u201C', "\""),
            Map.entry('\u201D', "\""), Map.entry('\u00AB', "\""), Map.entry('\u00BB', "\""),
            Map.entry('\u2013', "-"), Map.entry('\u2014', "-"), Map.entry('\u2026', "..."),
            Map.entry('\u00A0', " "), Map.entry('\u202F', " "));

    private TwilioText() {
    }

    /** The bodies to send for a reply on SMS or WhatsApp, in order; empty when there is nothing to say. */
    static List<String> bodies(Reply reply, Channel channel) {
        var text = render(reply);
        if (channel == Channel.SMS) {
            text = preferGsm7(text);
            return split(text, TwilioText::fitsSms);
        }
        return split(text, body -> body.length() <= MAX_BODY);
    }

    /** The text with its options as a numbered menu, one option a line, after a blank line. */
    static String render(Reply reply) {
        var menu = new StringBuilder();
        for (int i = 0; i < reply.options().size(); i++) {
            menu.append(i == 0 ? "" : "\n").append(i + 1).append(' ').append(reply.options().get(i).label());
        }
        var text = reply.text().strip();
        if (menu.isEmpty()) {
            return text;
        }
        return text.isEmpty() ? menu.toString() : text + "\n\n" + menu;
    }

    /** The text with typographic marks made plain, when that alone makes it GSM-7; else unchanged. */
    static String preferGsm7(String text) {
        if (SmsSegments.isGsm7(text)) {
            return text;
        }
        var plain = new StringBuilder(text.length());
        text.chars().forEach(c -> plain.append(GSM7_LOOKALIKES.getOrDefault((char) c, String.valueOf((char) c))));
        var candidate = plain.toString();
        return SmsSegments.isGsm7(candidate) ? candidate : text;
    }

    static boolean fitsSms(String body) {
        return body.length() <= MAX_BODY && SmsSegments.count(body).segments() <= MAX_SMS_SEGMENTS;
    }

    /** Splits the text into pieces that each fit, cutting at the coarsest boundary that works. */
    static List<String> split(String text, Predicate<String> fits) {
        var pieces = new ArrayList<String>();
        pack(text, 0, fits, pieces);
        return pieces.stream().map(String::strip).filter(piece -> !piece.isEmpty()).toList();
    }

    private static void pack(String text, int level, Predicate<String> fits, List<String> out) {
        if (fits.test(text)) {
            out.add(text);
            return;
        }
        if (level == SEPARATORS.size()) {
            hardCut(text, fits, out);
            return;
        }
        var separator = SEPARATORS.get(level);
        var current = "";
        for (var part : text.split(Pattern.quote(separator), -1)) {
            var candidate = current.isEmpty() ? part : current + separator + part;
            if (fits.test(candidate)) {
                current = candidate;
                continue;
            }
            if (!current.isEmpty()) {
                out.add(current);
            }
            if (fits.test(part)) {
                current = part;
            } else {
                var smaller = new ArrayList<String>();
                pack(part, level + 1, fits, smaller);
                out.addAll(smaller.subList(0, smaller.size() - 1));
                current = smaller.get(smaller.size() - 1);
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
    }

    private static void hardCut(String text, Predicate<String> fits, List<String> out) {
        var rest = text;
        while (!rest.isEmpty()) {
            int total = rest.codePointCount(0, rest.length());
            int low = 1;
            int high = total;
            // the longest prefix that fits, never splitting a surrogate pair
            while (low < high) {
                int middle = (low + high + 1) >>> 1;
                if (fits.test(rest.substring(0, rest.offsetByCodePoints(0, middle)))) {
                    low = middle;
                } else {
                    high = middle - 1;
                }
            }
            int end = rest.offsetByCodePoints(0, low);
            out.add(rest.substring(0, end));
            rest = rest.substring(end);
        }
    }
}
