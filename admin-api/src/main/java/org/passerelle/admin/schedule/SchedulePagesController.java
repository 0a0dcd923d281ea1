package org.passerelle.admin.schedule;

import java.util.List;
import java.util.Locale;
import org.passerelle.admin.web.AdminPage;
import org.passerelle.core.booking.ScheduleException;
import org.passerelle.core.booking.Schedules;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The schedule pages an admin reads: the services with a summary of their weekly sessions, and
 * the page of one service with its rules, exceptions, forms and calendar address. An unknown
 * service is a 404 page that leads back to the list.
 */
@Controller
@AdminPage
@RequestMapping("/admin/schedules")
class SchedulePagesController {

    private final Schedules schedules;
    private final ServicePage page;
    private final ScheduleText text;

    SchedulePagesController(Schedules schedules, ServicePage page, ScheduleText text) {
        this.schedules = schedules;
        this.page = page;
        this.text = text;
    }

    /** A service on the list: its name, whether it can be booked, its sessions in words. */
    record ServiceRow(String id, String name, boolean active, long defaultSlotMinutes, List<String> rules,
                      long upcomingExceptions) {
    }

    @GetMapping
    String services(Model model, Locale locale) {
        var today = page.today();
        model.addAttribute("services", schedules.services().stream().map(service -> new ServiceRow(service.id(),
                text.serviceName(service.id(), locale), service.active(), service.defaultSlotLength().toMinutes(),
                schedules.rules(service.id()).stream().map(stored -> text.rule(stored.rule(), locale)).toList(),
                schedules.exceptions(service.id()).stream().map(Schedules.StoredException::exception)
                        .map(ScheduleException::date).filter(date -> !date.isBefore(today)).count()))
                .toList());
        return "admin/schedules/index";
    }

    @GetMapping("/{serviceId}")
    ModelAndView service(@PathVariable String serviceId, Model model, Locale locale) {
        var service = schedules.service(serviceId);
        if (service.isEmpty()) {
            return missing();
        }
        return new ModelAndView(page.fill(model, service.get(), locale));
    }

    /** The page that says a service does not exist, with a 404. */
    static ModelAndView missing() {
        var view = new ModelAndView("admin/schedules/missing");
        view.setStatus(HttpStatus.NOT_FOUND);
        return view;
    }
}
