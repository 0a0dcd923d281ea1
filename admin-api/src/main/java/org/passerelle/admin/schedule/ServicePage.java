package org.passerelle.admin.schedule;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.passerelle.content.Language;
import org.passerelle.core.booking.ScheduleException;
import org.passerelle.core.booking.Schedules;
import org.passerelle.core.booking.Service;
import org.passerelle.core.booking.Slot;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the page of one service shows: its weekly rules, its exceptions (a run of closed days as
 * one line), the calendar feed's address, and the three forms, blank or as the admin left them.
 */
@Component
class ServicePage {

    static final String VIEW = "admin/schedules/service";

    private final Schedules schedules;
    private final ScheduleText text;
    private final Clock clock;

    ServicePage(Schedules schedules, ScheduleText text, Clock clock) {
        this.schedules = schedules;
        this.text = text;
        this.clock = clock;
    }

    /** A weekly rule as a row of the table. */
    record RuleRow(String id, String day, String hours, long slotMinutes, int capacity, String languages,
                   String often) {
    }

    /** One exception, or a run of closed days with the same hours, and the ids to remove it. */
    record ExceptionRow(List<String> ids, boolean closed, String when, String hours, String detail, boolean past) {

        public String idList() {
            return String.join(",", ids);
        }
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Slot.PARIS));
    }

    /** Fills the model of the page; the forms already in it (refused ones) are kept. */
    String fill(Model model, Service service, Locale locale) {
        model.addAttribute("service", service);
        model.addAttribute("serviceName", text.serviceName(service.id(), locale));
        model.addAttribute("rules", schedules.rules(service.id()).stream().map(stored -> {
            var rule = stored.rule();
            return new RuleRow(stored.id(), ScheduleText.day(rule.day(), locale),
                    ScheduleText.hours(rule.start(), rule.end()), rule.slotLength().toMinutes(), rule.capacity(),
                    ScheduleText.languages(rule.languages(), locale), text.often(rule, locale));
        }).toList());
        model.addAttribute("exceptions", exceptionRows(service.id(), locale));
        model.addAttribute("languages", Language.values());
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("dayNames", dayNames(locale));
        model.addAttribute("languageNames", languageNames(locale));
        model.addAttribute("today", today());
        model.addAttribute("calendarUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/calendar/{id}/{token}.ics").buildAndExpand(service.id(), schedules.calendarToken(service.id()))
                .toUriString());
        if (!model.containsAttribute("ruleForm")) {
            model.addAttribute("ruleForm", RuleForm.blank());
        }
        if (!model.containsAttribute("closureForm")) {
            model.addAttribute("closureForm", ClosureForm.blank());
        }
        if (!model.containsAttribute("extraForm")) {
            model.addAttribute("extraForm", ExtraForm.blank());
        }
        return VIEW;
    }

    private List<ExceptionRow> exceptionRows(String serviceId, Locale locale) {
        var today = today();
        var rows = new ArrayList<ExceptionRow>();
        List<Schedules.StoredException> run = new ArrayList<>();
        for (var stored : schedules.exceptions(serviceId)) {
            if (!run.isEmpty() && !continues(run.get(run.size() - 1).exception(), stored.exception())) {
                rows.add(row(run, today, locale));
                run = new ArrayList<>();
            }
            run.add(stored);
        }
        if (!run.isEmpty()) {
            rows.add(row(run, today, locale));
        }
        return rows;
    }

    // A closure the day after another one, with the same hours, belongs to the same run.
    private static boolean continues(ScheduleException before, ScheduleException next) {
        return before.kind() == ScheduleException.Kind.CLOSED && next.kind() == ScheduleException.Kind.CLOSED
                && next.date().equals(before.date().plusDays(1))
                && Objects.equals(before.start(), next.start())
                && Objects.equals(before.end(), next.end());
    }

    private ExceptionRow row(List<Schedules.StoredException> run, LocalDate today, Locale locale) {
        var first = run.get(0).exception();
        var last = run.get(run.size() - 1).exception();
        var ids = run.stream().map(Schedules.StoredException::id).toList();
        var when = run.size() == 1 ? ScheduleText.date(first.date(), locale)
                : text.message("admin.schedules.exceptions.range", locale, ScheduleText.date(first.date(), locale),
                        ScheduleText.date(last.date(), locale));
        var hours = first.start() == null ? text.message("admin.schedules.exceptions.allDay", locale)
                : ScheduleText.hours(first.start(), first.end());
        var closed = first.kind() == ScheduleException.Kind.CLOSED;
        var detail = closed ? "" : text.message("admin.schedules.exceptions.extraDetail", locale,
                first.slotLength().toMinutes(), first.capacity(), ScheduleText.languages(first.languages(), locale));
        return new ExceptionRow(ids, closed, when, hours, detail, last.date().isBefore(today));
    }

    private static Map<String, String> dayNames(Locale locale) {
        var names = new LinkedHashMap<String, String>();
        for (var day : DayOfWeek.values()) {
            names.put(day.name(), ScheduleText.day(day, locale));
        }
        return names;
    }

    private static Map<String, String> languageNames(Locale locale) {
        var names = new LinkedHashMap<String, String>();
        for (var language : Language.values()) {
            names.put(language.code(), ScheduleText.language(language, locale));
        }
        return names;
    }
}
