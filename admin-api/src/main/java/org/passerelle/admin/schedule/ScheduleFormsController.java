package org.passerelle.admin.schedule;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.passerelle.admin.web.AdminPage;
import org.passerelle.core.booking.ScheduleOverlapException;
import org.passerelle.core.booking.Schedules;
import org.passerelle.core.booking.Service;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What an admin changes on a service's page: open a weekly session, close days, add an extra
 * session, take any of them back. A saved change goes back to the page with a notice; a refused
 * form comes back as it was typed, with a 422 and what is wrong next to each field.
 */
@Controller
@AdminPage
@RequestMapping("/admin/schedules/{serviceId}")
class ScheduleFormsController {

    private final Schedules schedules;
    private final ServicePage page;
    private final ScheduleText text;
    private final MessageSource messages;

    ScheduleFormsController(Schedules schedules, ServicePage page, ScheduleText text, MessageSource messages) {
        this.schedules = schedules;
        this.page = page;
        this.text = text;
        this.messages = messages;
    }

    @PostMapping("/rules")
    ModelAndView addRule(@PathVariable String serviceId, @ModelAttribute("ruleForm") RuleForm form, Model model,
            Locale locale, RedirectAttributes redirect) {
        return change(serviceId, service -> {
            var problems = new FormProblems();
            var rule = form.toRule(service, problems);
            if (rule != null) {
                try {
                    schedules.addRule(rule);
                    return saved(service, redirect, "admin.schedules.notice.ruleAdded");
                } catch (ScheduleOverlapException e) {
                    problems.add("start", "admin.schedules.error.overlap", overlapped(service, e, locale));
                }
            }
            return refused(model, service, locale, problems, "ruleErrors");
        });
    }

    @PostMapping("/rules/{ruleId}/delete")
    ModelAndView removeRule(@PathVariable String serviceId, @PathVariable String ruleId, Model model, Locale locale,
            RedirectAttributes redirect) {
        return change(serviceId, service -> saved(service, redirect,
                schedules.removeRule(service.id(), ruleId) ? "admin.schedules.notice.ruleRemoved"
                        : "admin.schedules.notice.alreadyGone"));
    }

    @PostMapping("/closures")
    ModelAndView close(@PathVariable String serviceId, @ModelAttribute("closureForm") ClosureForm form, Model model,
            Locale locale, RedirectAttributes redirect) {
        return change(serviceId, service -> {
            var problems = new FormProblems();
            var closures = form.toClosures(service.id(), page.today(), problems);
            if (!problems.isEmpty()) {
                return refused(model, service, locale, problems, "closureErrors");
            }
            closures.forEach(schedules::addException);
            return saved(service, redirect, "admin.schedules.notice.closed");
        });
    }

    @PostMapping("/extras")
    ModelAndView addExtra(@PathVariable String serviceId, @ModelAttribute("extraForm") ExtraForm form, Model model,
            Locale locale, RedirectAttributes redirect) {
        return change(serviceId, service -> {
            var problems = new FormProblems();
            var extra = form.toExtra(service, page.today(), problems);
            if (extra == null) {
                return refused(model, service, locale, problems, "extraErrors");
            }
            schedules.addException(extra);
            return saved(service, redirect, "admin.schedules.notice.extraAdded");
        });
    }

    /** Takes back one exception, or a run of closed days at once: {@code ids} holds their ids. */
    @PostMapping("/exceptions/delete")
    ModelAndView removeExceptions(@PathVariable String serviceId, @RequestParam(required = false) String ids,
            Model model, Locale locale, RedirectAttributes redirect) {
        return change(serviceId, service -> {
            var removed = 0;
            for (var id : ids == null ? List.<String>of() : List.of(ids.split(","))) {
                removed += schedules.removeException(service.id(), id.strip()) ? 1 : 0;
            }
            return saved(service, redirect, removed > 0 ? "admin.schedules.notice.exceptionRemoved"
                    : "admin.schedules.notice.alreadyGone");
        });
    }

    private ModelAndView change(String serviceId, Function<Service, ModelAndView> action) {
        var service = schedules.service(serviceId);
        if (service.isEmpty()) {
            return SchedulePagesController.missing();
        }
        return action.apply(service.get());
    }

    private static ModelAndView saved(Service service, RedirectAttributes redirect, String notice) {
        redirect.addFlashAttribute("notice", notice);
        return new ModelAndView("redirect:/admin/schedules/" + service.id());
    }

    private ModelAndView refused(Model model, Service service, Locale locale, FormProblems problems,
            String errorsName) {
        var texts = problems.texts(messages, locale);
        model.addAttribute(errorsName, texts);
        // Also said once at the top, where a screen reader starts.
        model.addAttribute("problems", List.copyOf(texts.values()));
        var view = new ModelAndView(page.fill(model, service, locale));
        view.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        return view;
    }

    // Names the session it would run alongside, as the admin sees it in the table.
    private String overlapped(Service service, ScheduleOverlapException e, Locale locale) {
        return schedules.rules(service.id()).stream().filter(stored -> stored.id().equals(e.conflictingRuleId()))
                .findFirst().map(stored -> ScheduleText.day(stored.rule().day(), locale) + " "
                        + ScheduleText.hours(stored.rule().start(), stored.rule().end()))
                .orElseGet(() -> text.message("admin.schedules.error.overlapUnknown", locale));
    }
}
