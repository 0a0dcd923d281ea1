package org.passerelle.core.booking;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.passerelle.content.Language;

/**
 * Hash fields of the stored services, rules and exceptions: one Redis hash per item, plain
 * strings (ISO dates and times, minutes, comma-separated language codes), absent for null.
 */
final class SchedulesCodec {

    private SchedulesCodec() {
    }

    static Map<String, String> encode(Service service) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("placeKey", service.placeKey());
        fields.put("slotMinutes", Long.toString(service.defaultSlotLength().toMinutes()));
        fields.put("active", Boolean.toString(service.active()));
        return fields;
    }

    static Service service(String id, Map<String, String> f) {
        return new Service(id, f.get("placeKey"), minutes(f.get("slotMinutes")),
                Boolean.parseBoolean(f.get("active")));
    }

    static Map<String, String> encode(ScheduleRule rule) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("service", rule.serviceId());
        fields.put("day", rule.day().name());
        fields.put("start", rule.start().toString());
        fields.put("end", rule.end().toString());
        fields.put("slotMinutes", Long.toString(rule.slotLength().toMinutes()));
        fields.put("capacity", Integer.toString(rule.capacity()));
        fields.put("languages", languages(rule.languages()));
        fields.put("intervalWeeks", Integer.toString(rule.recurrence().intervalWeeks()));
        if (rule.recurrence().anchor() != null) {
            fields.put("anchor", rule.recurrence().anchor().toString());
        }
        return fields;
    }

    static ScheduleRule rule(Map<String, String> f) {
        var anchor = f.get("anchor") == null ? null : LocalDate.parse(f.get("anchor"));
        return new ScheduleRule(f.get("service"), DayOfWeek.valueOf(f.get("day")),
                LocalTime.parse(f.get("start")), LocalTime.parse(f.get("end")),
                minutes(f.get("slotMinutes")), Integer.parseInt(f.get("capacity")),
                languages(f.get("languages")),
                new Recurrence(Integer.parseInt(f.get("intervalWeeks")), anchor));
    }

    static Map<String, String> encode(ScheduleException exception) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("service", exception.serviceId());
        fields.put("date", exception.date().toString());
        fields.put("kind", exception.kind().name());
        if (exception.start() != null) {
            fields.put("start", exception.start().toString());
            fields.put("end", exception.end().toString());
        }
        if (exception.slotLength() != null) {
            fields.put("slotMinutes", Long.toString(exception.slotLength().toMinutes()));
        }
        fields.put("capacity", Integer.toString(exception.capacity()));
        fields.put("languages", languages(exception.languages()));
        return fields;
    }

    static ScheduleException exception(Map<String, String> f) {
        return new ScheduleException(f.get("service"), LocalDate.parse(f.get("date")),
                ScheduleException.Kind.valueOf(f.get("kind")), time(f.get("start")), time(f.get("end")),
                f.get("slotMinutes") == null ? null : minutes(f.get("slotMinutes")),
                Integer.parseInt(f.get("capacity")), languages(f.get("languages")));
    }

    private static Duration minutes(String value) {
        return Duration.ofMinutes(Long.parseLong(value));
    }

    private static LocalTime time(String value) {
        return value == null ? null : LocalTime.parse(value);
    }

    private static String languages(Set<Language> languages) {
        return languages.stream().map(Language::code).collect(Collectors.joining(","));
    }

    private static Set<Language> languages(String codes) {
        var languages = EnumSet.noneOf(Language.class);
        if (codes != null && !codes.isEmpty()) {
            for (var code : codes.split(",")) {
                languages.add(Language.fromCode(code)
                        .orElseThrow(() -> new IllegalStateException("stored language '" + code + "' is unknown")));
            }
        }
        return languages;
    }
}
