package org.passerelle.app.logging;

import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Masks what must never reach a log in clear, whatever the level and whoever wrote the line:
 * Telegram bot tokens, {@code Bearer}/{@code Basic} credentials, long hexadecimal or base64
 * secrets (sealed blobs, keys), and phone-number-like sequences (E.164 with or without
 * separators, {@code whatsapp:+…}, French {@code 0X XX XX XX XX}, {@code 33 X XX XX XX XX},
 * and any standalone run of 9 to 15 digits, which also covers Telegram chat ids of that length).
 * The pseudonym of a conversation (26 URL-safe characters) and message ids (UUIDs) are left as
 * they are: they are what the logs are meant to carry. Thread-safe and never throws.
 *
 * <p>Most lines hold nothing to mask: one scan over the characters ({@link MaskingCandidates})
 * tells whether any rule could match, and only then do the rules run, in order, as before.
 */
public final class LogMasking {

    /** What replaces a masked phone number or numeric id. */
    public static final String PHONE = "[phone]";
    /** What replaces a masked token, key or credential. */
    public static final String SECRET = "[secret]";

    /** What comes before the last group of a UUID, whose twelve hex digits are all decimal in one id of 280. */
    private static final String UUID_HEAD = "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-";

    private static final List<Rule> RULES = List.of(
            // A bot token: the bot's numeric id, a colon, 35 URL-safe characters.
            new Rule(Pattern.compile("(?<!\\d)\\d{5,12}:[A-Za-z0-9_-]{35}(?![\\w-])"), m -> SECRET),
            new Rule(Pattern.compile("(?i)\\b(Bearer|Basic)(\\s+)[A-Za-z0-9._~+/=-]+"),
                    m -> m.group(1) + m.group(2) + SECRET),
            new Rule(Pattern.compile("(?<![A-Za-z0-9])[0-9a-fA-F]{32,}(?![A-Za-z0-9])"), m -> SECRET),
            // Long base64 runs holding a digit: sealed blobs and keys, not long words nor file paths.
            new Rule(Pattern.compile("(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{40,}={0,2}"),
                    m -> looksEncoded(m.group()) ? SECRET : m.group()),
            new Rule(Pattern.compile("(?<![\\w+])\\+\\d(?:[ .\\-]?\\(?\\d\\)?){7,14}(?!\\w)"), m -> PHONE),
            new Rule(Pattern.compile("(?<![\\w+])(?:33[ .\\-]?[1-9]|0[1-9])(?:[ .\\-]?\\d{2}){4}(?!\\w)"),
                    m -> PHONE),
            // A bare run of digits, unless it is the last group of a UUID (a message id).
            new Rule(Pattern.compile("(?<![\\w+])(?<!" + UUID_HEAD + ")\\d{9,15}(?!\\w)"), m -> PHONE));

    private LogMasking() {
    }

    /** The text with every sensitive sequence replaced; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty() || !MaskingCandidates.mayHold(text)) {
            return text;
        }
        return applyRules(text);
    }

    /** Every rule in turn, without the first scan: what {@link #mask} does to a line it does not skip. */
    static String applyRules(String text) {
        var masked = text;
        for (var rule : RULES) {
            masked = rule.pattern().matcher(masked).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                    rule.replacement().apply(m)));
        }
        return masked;
    }

    /**
     * Base64 holds a digit in almost every run this long, and uses either {@code + /} (standard)
     * or {@code - _} (URL-safe), never both: a path such as {@code /tmp/passerelle-test123} mixes them.
     */
    private static boolean looksEncoded(String run) {
        boolean standard = run.indexOf('/') >= 0 || run.indexOf('+') >= 0;
        boolean urlSafe = run.indexOf('-') >= 0 || run.indexOf('_') >= 0;
        return run.chars().anyMatch(Character::isDigit) && !(standard && urlSafe) && !run.startsWith("/");
    }

    private record Rule(Pattern pattern, Function<MatchResult, String> replacement) {
    }
}
