package org.passerelle.admin.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.passerelle.content.Language;
import org.passerelle.core.booking.ScheduleRule;
import org.passerelle.core.content.PublishedContent;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * How the schedule pages write things for an admin: a service by the name the people see in the
 * chat, days, dates, hours and languages in the page's language, a weekly rule as one sentence.
 */
@Component
class ScheduleText {

    private final PublishedContent content;
    private final MessageSource messages;

    ScheduleText(PublishedContent content, MessageSource messages) {
        this.content = content;
        this.messages = messages;
    }

    /** The service's name in the published content, in the page's language; its id when it has none. */
    String serviceName(String serviceId, Locale locale) {
        var key = "service." + serviceId;
        var catalog = content.get();
        var language = Language.fromCode(locale.getLanguage()).orElse(Language.SOURCE);
        if (!catalog.uiStrings(language).containsKey(key) && !catalog.uiStrings(Language.SOURCE).containsKey(key)) {
            return serviceId;
        }
        return catalog.ui(language, key);
    }

    /** "Jeudi", "Thursday". */
    static String day(DayOfWeek day, Locale locale) {
        return capitalized(day.getDisplayName(TextStyle.FULL, locale), locale);
    }

    /** "jeudi 3 décembre 2026", "Thursday 3 December 2026". */
    static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", locale).format(date);
    }

    /** "Jeudi 3 décembre", for the heads of the week's days. */
    static String dayOfWeek(LocalDate date, Locale locale) {
        return capitalized(DateTimeFormatter.ofPattern("EEEE d MMMM", locale).format(date), locale);
    }

    /** "18:00–21:00". */
    static String hours(LocalTime start, LocalTime end) {
        return start + "–" + end;
    }

    /** A language's name in the page's language: "arabe", "Arabic". */
    static String language(Language language, Locale locale) {
        return Locale.forLanguageTag(language.code()).getDisplayLanguage(locale);
    }

    /** "français, arabe", in the languages' order. */
    static String languages(Collection<Language> languages, Locale locale) {
        return languages.stream().sorted().map(l -> language(l, locale)).collect(Collectors.joining(", "));
    }

    /** "Jeudi 18:00–21:00, créneaux de 30 min, 2 places, en français, arabe" and how often. */
    String rule(ScheduleRule rule, Locale locale) {
        var sentence = messages.getMessage("admin.schedules.rule.summary", new Object[] {day(rule.day(), locale),
                hours(rule.start(), rule.end()), rule.slotLength().toMinutes(), rule.capacity(),
                languages(rule.languages(), locale)}, locale);
        var often = often(rule, locale);
        return often.isEmpty() ? sentence : sentence + " · " + often;
    }

    /** How often a rule applies; empty for a rule of every week since always. */
    String often(ScheduleRule rule, Locale locale) {
        var recurrence = rule.recurrence();
        if (recurrence.intervalWeeks() == 2) {
            return messages.getMessage("admin.schedules.rule.fortnightly",
                    new Object[] {date(recurrence.anchor(), locale)}, locale);
        }
        if (recurrence.anchor() != null) {
            return messages.getMessage("admin.schedules.rule.since",
                    new Object[] {date(recurrence.anchor(), locale)}, locale);
        }
        return "";
    }

    String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private static String capitalized(String text, Locale locale) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }
}
