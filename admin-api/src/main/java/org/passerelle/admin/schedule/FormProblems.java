package org.passerelle.admin.schedule;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * What a schedule form got wrong, field by field, as message keys with their arguments; the
 * first problem of a field is the one shown next to it.
 */
final class FormProblems {

    private final Map<String, MessageSourceResolvable> byField = new LinkedHashMap<>();

    /** Notes a problem of a field, unless the field already has one. */
    void add(String field, String key, Object... arguments) {
        byField.putIfAbsent(field, new DefaultMessageSourceResolvable(new String[] {key}, arguments));
    }

    boolean isEmpty() {
        return byField.isEmpty();
    }

    boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The key of a field's problem, null when it has none; for tests and logs. */
    String key(String field) {
        var problem = byField.get(field);
        return problem == null ? null : problem.getCodes()[0];
    }

    /** Each field's problem in the page's language. */
    Map<String, String> texts(MessageSource messages, Locale locale) {
        var texts = new LinkedHashMap<String, String>();
        byField.forEach((field, problem) -> texts.put(field, messages.getMessage(problem, locale)));
        return texts;
    }
}
