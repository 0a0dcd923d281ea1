package org.passerelle.core.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.passerelle.content.DirectoryEntry;
import org.passerelle.content.Language;
import org.passerelle.core.content.DirectoryEntryException.Problem;
import org.passerelle.core.content.DirectoryEntryException.Reason;

/**
 * What a directory entry must be before it is saved as a draft: a key {@code group.name}, values
 * on one line without references, not empty, not too long, a value to show when confirmed, and
 * for a phone number something that can be dialled.
 */
final class DirectoryRules {

    static final int MAX_VALUE = 200;
    static final int MAX_NOTE = 300;
    static final int MAX_KEY = 60;

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)+");
    private static final Set<String> PHONE_NAMES = Set.of("phone", "tel", "telephone", "mobile", "fax");
    // Spaces, dots and hyphens between digit groups; no-break spaces as pasted from web pages.
    private static final Pattern SEPARATORS = Pattern.compile("[ .\\-\u00A0\u202F]");
    // International (E.164: up to 15 digits), French national (10 digits), or a short number
    // (17, 112, 3919, 116 006).
    private static final Pattern DIALLABLE = Pattern.compile("\\+[1-9]\\d{7,14}|0[1-9]\\d{8}|[1-9]\\d{1,5}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\u2028\u2029\uFEFF]");

    private DirectoryRules() {
    }

    /** True for a key that holds a phone number: the {@code number.} group, or a name like {@code .phone}. */
    static boolean isPhone(String key) {
        var parts = key.split("\\.");
        return parts[0].equals("number") || PHONE_NAMES.contains(parts[parts.length - 1]);
    }

    /** True when a text looks like a phone number that can be dialled. */
    static boolean diallable(String value) {
        var digits = SEPARATORS.matcher(value.strip()).replaceAll("");
        return DIALLABLE.matcher(digits).matches();
    }

    /**
     * Checks an entry.
     *
     * @throws DirectoryEntryException naming each field refused
     */
    static void check(DirectoryEntry entry) {
        var problems = new ArrayList<Problem>();
        if (entry.key().length() > MAX_KEY || !KEY.matcher(entry.key()).matches()) {
            problems.add(new Problem("key", Reason.KEY,
                    "write the key as group.name in lower case (a-z, 0-9, '_', '-'), at most " + MAX_KEY + " characters"));
        }
        boolean phone = isPhone(entry.key());
        if (entry.common() != null) {
            value("value", entry.common(), phone, problems);
        }
        entry.values().forEach((language, value) -> value("values." + language.code(), value, phone, problems));
        if (entry.confirmed() && entry.common() == null && !entry.values().containsKey(Language.SOURCE)) {
            problems.add(new Problem("value", Reason.NO_VALUE,
                    "a confirmed entry needs a value for every language, or at least a French one"));
        }
        text("note", entry.note(), MAX_NOTE, problems, true);
        if (!problems.isEmpty()) {
            throw new DirectoryEntryException(problems);
        }
    }

    private static void value(String field, String value, boolean phone, List<Problem> problems) {
        if (!text(field, value, MAX_VALUE, problems, false)) {
            return;
        }
        if (value.contains("{service:")) {
            problems.add(new Problem(field, Reason.CHARACTERS, "a value cannot refer to another entry"));
        } else if (phone && !diallable(value)) {
            problems.add(new Problem(field, Reason.PHONE,
                    "not a phone number: write digits, spaces or dots, e.g. 01 53 41 86 60, +33 1 53 41 86 60 or 3919"));
        }
    }

    /** False when a problem was recorded. */
    private static boolean text(String field, String value, int max, List<Problem> problems, boolean mayBeEmpty) {
        if (value.isBlank() && !(mayBeEmpty && value.isEmpty())) {
            problems.add(new Problem(field, Reason.BLANK, "empty"));
            return false;
        }
        if (!value.equals(value.strip()) && !value.isEmpty()) {
            problems.add(new Problem(field, Reason.CHARACTERS, "starts or ends with a space"));
            return false;
        }
        if (CONTROL.matcher(value).find()) {
            problems.add(new Problem(field, Reason.CHARACTERS, "must be one line, without control characters"));
            return false;
        }
        if (value.codePointCount(0, value.length()) > max) {
            problems.add(new Problem(field, Reason.TOO_LONG, "longer than " + max + " characters"));
            return false;
        }
        return true;
    }
}
