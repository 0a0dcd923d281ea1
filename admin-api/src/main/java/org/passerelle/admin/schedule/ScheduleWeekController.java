package org.passerelle.admin.schedule;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.passerelle.admin.web.AdminPage;
import org.passerelle.core.booking.Attendance;
import org.passerelle.core.booking.Bookings;
import org.passerelle.core.booking.Schedules;
import org.passerelle.core.booking.Service;
import org.passerelle.core.booking.Slot;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The week of a service ({@code ?start=YYYY-MM-DD}, any day of the week; the current week
 * without it) and the marking of whether she came. A date that cannot be read shows the current
 * week with a 400; a booking that is gone, or marked before its day, is refused on the page.
 */
@Controller
@AdminPage
@RequestMapping("/admin/schedules/{serviceId}")
class ScheduleWeekController {

    private static final String VIEW = "admin/schedules/week";

    private final Schedules schedules;
    private final Bookings bookings;
    private final WeekView weeks;
    private final ScheduleText text;

    ScheduleWeekController(Schedules schedules, Bookings bookings, WeekView weeks, ScheduleText text) {
        this.schedules = schedules;
        this.bookings = bookings;
        this.weeks = weeks;
        this.text = text;
    }

    @GetMapping("/week")
    ModelAndView week(@PathVariable String serviceId, @RequestParam(required = false) String start, Model model,
            Locale locale) {
        var service = schedules.service(serviceId);
        if (service.isEmpty()) {
            return SchedulePagesController.missing();
        }
        var day = weeks.today();
        var status = HttpStatus.OK;
        if (start != null && !start.isBlank()) {
            try {
                day = LocalDate.parse(start.strip());
            } catch (DateTimeParseException e) {
                status = HttpStatus.BAD_REQUEST;
                model.addAttribute("problems", List.of(text.message("admin.schedules.week.badStart", locale)));
            }
        }
        return page(service.get(), day, model, locale, status);
    }

    @PostMapping("/bookings/{code}/attendance")
    ModelAndView attendance(@PathVariable String serviceId, @PathVariable String code,
            @RequestParam(required = false) String status, Model model, Locale locale, RedirectAttributes redirect) {
        var service = schedules.service(serviceId);
        if (service.isEmpty()) {
            return SchedulePagesController.missing();
        }
        var booking = bookings.find(code).filter(b -> b.serviceId().equals(serviceId));
        var mark = Attendance.fromApi(status);
        if (booking.isEmpty()) {
            return refused(service.get(), weeks.today(), "admin.schedules.week.bookingGone", HttpStatus.NOT_FOUND,
                    model, locale);
        }
        var day = booking.get().start().withZoneSameInstant(Slot.PARIS).toLocalDate();
        if (mark.isEmpty()) {
            return refused(service.get(), day, "admin.schedules.week.badStatus", HttpStatus.BAD_REQUEST, model, locale);
        }
        if (day.isAfter(weeks.today())) {
            return refused(service.get(), day, "admin.schedules.week.tooEarly", HttpStatus.CONFLICT, model, locale);
        }
        if (!bookings.markAttendance(booking.get().code(), mark.get())) {
            return refused(service.get(), day, "admin.schedules.week.bookingGone", HttpStatus.NOT_FOUND, model,
                    locale);
        }
        redirect.addFlashAttribute("notice", "admin.schedules.notice.marked");
        return new ModelAndView("redirect:/admin/schedules/" + serviceId + "/week?start=" + WeekView.monday(day)
                + "#booking-" + booking.get().code());
    }

    private ModelAndView refused(Service service, LocalDate day, String key, HttpStatus status, Model model,
            Locale locale) {
        model.addAttribute("problems", List.of(text.message(key, locale)));
        return page(service, day, model, locale, status);
    }

    private ModelAndView page(Service service, LocalDate day, Model model, Locale locale, HttpStatus status) {
        model.addAttribute("service", service);
        model.addAttribute("serviceName", text.serviceName(service.id(), locale));
        model.addAttribute("week", weeks.week(service, day, locale));
        model.addAttribute("title", text.message("admin.schedules.week.title", locale,
                ScheduleText.date(WeekView.monday(day), locale)));
        var view = new ModelAndView(VIEW);
        view.setStatus(status);
        return view;
    }
}
