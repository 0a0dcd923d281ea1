package org.passerelle.content.load;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML mapping of one file with typed, checked access to its fields; every wrong or missing
 * field is recorded as a problem naming the file and the field's dotted path.
 *
 * @param file     the file, relative to the content root
 * @param path     the dotted path of this mapping inside the file, empty at the root
 * @param map      the mapping as SnakeYAML built it
 * @param problems where problems go
 */
record Fields(String file, String path, Map<?, ?> map, Problems problems) {

    Fields {
        // YAML keys may be numbers or booleans (112, no): compare them by their written form
        var keyed = new LinkedHashMap<String, Object>();
        map.forEach((key, value) -> keyed.put(String.valueOf(key), value));
        map = keyed;
    }

    /** The root mapping of a document, or empty with a problem when the root is not a mapping. */
    static Optional<Fields> root(String file, Object document, Problems problems) {
        if (document instanceof Map<?, ?> map) {
            return Optional.of(new Fields(file, "", map, problems));
        }
        problems.add(file, "document", "must be a mapping of fields");
        return Optional.empty();
    }

    /** The dotted path of a field of this mapping. */
    String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The keys of this mapping, as written. */
    Set<String> keys() {
        var keys = new LinkedHashSet<String>();
        map.keySet().forEach(key -> keys.add((String) key));
        return keys;
    }

    /** The raw value of a field, null when absent. */
    Object value(String key) {
        return map.get(key);
    }

    boolean has(String key) {
        return map.containsKey(key);
    }

    /** Records a problem for each key that is not one of the allowed fields. */
    void allowOnly(Set<String> allowed) {
        for (var key : keys()) {
            if (!allowed.contains(key)) {
                problems.add(file, at(key), "unknown field");
            }
        }
    }

    /** Records a problem at a field of this mapping. */
    void problem(String key, String what) {
        problems.add(file, at(key), what);
    }

    /** A required, non-blank text. */
    Optional<String> text(String key) {
        if (!map.containsKey(key)) {
            problem(key, "missing");
            return Optional.empty();
        }
        return textValue(map.get(key), at(key));
    }

    /** A text that may be absent, but not blank or of another type when present. */
    Optional<String> optionalText(String key) {
        return map.containsKey(key) ? textValue(map.get(key), at(key)) : Optional.empty();
    }

    /** A required mapping. */
    Optional<Fields> mapping(String key) {
        var value = map.get(key);
        if (value instanceof Map<?, ?> nested) {
            return Optional.of(new Fields(file, at(key), nested, problems));
        }
        problem(key, value == null && !map.containsKey(key) ? "missing" : "must be a mapping");
        return Optional.empty();
    }

    /** A required list of non-blank texts, with at least {@code minimum} items. */
    Optional<List<String>> texts(String key, int minimum) {
        var value = map.get(key);
        if (!(value instanceof List<?> items)) {
            problem(key, value == null && !map.containsKey(key) ? "missing" : "must be a list");
            return Optional.empty();
        }
        var texts = new ArrayList<String>();
        boolean valid = true;
        for (int i = 0; i < items.size(); i++) {
            var item = textValue(items.get(i), at(key) + "[" + i + "]");
            valid &= item.isPresent();
            item.ifPresent(texts::add);
        }
        if (texts.size() < minimum) {
            problem(key, minimum == 1 ? "must not be empty" : "needs at least " + minimum + " items");
            valid = false;
        }
        return valid ? Optional.of(texts) : Optional.empty();
    }

    /** A required date, written {@code 2026-11-28}. */
    Optional<LocalDate> date(String key) {
        var value = map.get(key);
        if (value instanceof Date date) {
            // SnakeYAML builds timestamps in UTC, so the calendar date is read back in UTC
            return Optional.of(date.toInstant().atZone(ZoneOffset.UTC).toLocalDate());
        }
        if (value instanceof String text) {
            try {
                return Optional.of(LocalDate.parse(text.trim()));
            } catch (DateTimeParseException e) {
                problem(key, "must be a date like 2026-11-28");
                return Optional.empty();
            }
        }
        problem(key, map.containsKey(key) ? "must be a date like 2026-11-28" : "missing");
        return Optional.empty();
    }

    /** A yes/no flag that may be absent. */
    Optional<Boolean> optionalFlag(String key) {
        var value = map.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean flag) {
            return Optional.of(flag);
        }
        problem(key, "must be true or false");
        return Optional.empty();
    }

    private Optional<String> textValue(Object value, String field) {
        if (value instanceof String text) {
            if (text.isBlank()) {
                problems.add(file, field, "empty");
                return Optional.empty();
            }
            return Optional.of(text.strip());
        }
        if (value == null) {
            problems.add(file, field, "empty");
        } else {
            // numbers like 0800… or words like yes/no change meaning unless quoted
            problems.add(file, field, "must be text (put it in quotes)");
        }
        return Optional.empty();
    }
}
