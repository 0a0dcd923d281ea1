package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.core.booking.Attendance;
import org.passerelle.core.booking.Booking;
import org.passerelle.core.booking.BookingResult;
import org.passerelle.core.booking.Bookings;
import org.passerelle.core.booking.Recurrence;
import org.passerelle.core.booking.ScheduleRule;
import org.passerelle.core.booking.Schedules;
import org.passerelle.core.booking.Service;
import org.passerelle.core.booking.Slot;
import org.passerelle.core.store.RedisStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The schedule pages over real HTTP, signed in as the admin through the login form: a weekly
 * session opened with the form shows its slots in the week, a refused form says what is wrong
 * next to the field, closures and extra sessions come and go, and attendance is marked from the
 * week with the page's CSRF token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.admin.bootstrap-username=admin",
        "passerelle.admin.bootstrap-password=" + WebChatClient.ADMIN_PASSWORD})
class AdminSchedulesPagesIntegrationTests {

    private static final LocalDate TODAY = LocalDate.now(Slot.PARIS);
    // Far enough ahead that every slot is still to come, whatever day the tests run.
    private static final LocalDate THURSDAY = TODAY.plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.THURSDAY));

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        registry.add("passerelle.data-dir", Files.createTempDirectory("passerelle-schedule-pages-test")::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    Schedules schedules;

    @Autowired
    Bookings bookings;

    @Autowired
    RedisStore store;

    StaffBrowser admin;

    @BeforeEach
    void signIn() {
        admin = new StaffBrowser(port);
        assertThat(admin.signIn("admin", WebChatClient.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
    }

    private String service(String id) {
        schedules.saveService(new Service(id, "pad18.address", Duration.ofMinutes(45), true));
        return id;
    }

    private Map<String, String> thursdayEvening(String start, String end) {
        var form = new LinkedHashMap<String, String>();
        form.put("day", "THURSDAY");
        form.put("start", start);
        form.put("end", end);
        form.put("slotMinutes", "30");
        form.put("capacity", "2");
        form.put("languages", "ar");
        form.put("frequency", "weekly");
        form.put("from", "");
        return form;
    }

    private HttpResponse<String> post(String path, Map<String, String> form) {
        var fields = new LinkedHashMap<>(form);
        fields.put("_csrf", admin.csrfToken());
        return admin.postForm(path, fields);
    }

    private static void assertRedirectedTo(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith(path);
    }

    @Test
    void listsTheServicesByTheirNamesWithTheirSessionsInWords() {
        schedules.addRule(new ScheduleRule(service("desk-list"), DayOfWeek.TUESDAY, LocalTime.of(14, 0),
                LocalTime.of(16, 0), Duration.ofMinutes(60), 3, Set.of(Language.FR, Language.ZH), Recurrence.weekly()));

        var french = admin.get("/admin/schedules");

        assertThat(french.statusCode()).isEqualTo(200);
        assertThat(french.body()).contains("<html lang=\"fr\"", "Avocat gratuit", "Groupe de parole",
                "data-service=\"desk-list\"", "Mardi 14:00–16:00, créneaux de 60 min, 3 places, en français, chinois",
                "/admin/schedules/desk-list/week")
                .doesNotContain("http://", "https://");
        assertThat(admin.get("/admin/schedules?lang=en").body()).contains("Free lawyer",
                "Tuesday 14:00–16:00, 60-minute slots, 3 places, in French, Chinese");
    }

    @Test
    void aSessionOpenedWithTheFormOffersItsSlotsInTheWeek() {
        var id = service("desk-form");

        var saved = post("/admin/schedules/" + id + "/rules", thursdayEvening("18:00", "21:00"));

        assertRedirectedTo(saved, "/admin/schedules/" + id);
        assertThat(schedules.rules(id)).singleElement().satisfies(stored -> {
            assertThat(stored.rule().day()).isEqualTo(DayOfWeek.THURSDAY);
            assertThat(stored.rule().capacity()).isEqualTo(2);
            assertThat(stored.rule().languages()).containsExactly(Language.AR);
        });
        var page = admin.get("/admin/schedules/" + id);
        assertThat(page.body()).contains("Séance ouverte", "data-rule=\"" + schedules.rules(id).get(0).id() + "\"",
                "18:00–21:00", "30 min", "arabe", "/calendar/" + id + "/");

        var week = admin.get("/admin/schedules/" + id + "/week?start=" + THURSDAY);
        assertThat(week.statusCode()).isEqualTo(200);
        assertThat(week.body()).contains("data-date=\"" + THURSDAY + "\"", "18:00–18:30", "20:30–21:00",
                "aucune place réservée sur 2");
        assertThat(week.body().split("class=\"slot\"", -1)).hasSize(7);
        // The weeks around it are a link away.
        assertThat(week.body()).contains("start=" + THURSDAY.minusDays(3).minusWeeks(1),
                "start=" + THURSDAY.minusDays(3).plusWeeks(1));
    }

    @Test
    void aRuleEndingBeforeItStartsComesBackWithTheErrorNextToTheEnd() {
        var id = service("desk-invalid");

        var refused = post("/admin/schedules/" + id + "/rules", thursdayEvening("18:00", "17:00"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"rule-end-error\"",
                "L’heure de fin (17:00) doit venir après l’heure de début (18:00)", "Rien n’a été enregistré",
                "value=\"18:00\"", "value=\"17:00\"");
        assertThat(refused.body()).containsPattern("id=\"rule-end\"[^>]*aria-invalid=\"true\"");
        assertThat(schedules.rules(id)).isEmpty();

        var noLanguage = thursdayEvening("18:00", "21:00");
        noLanguage.remove("languages");
        noLanguage.put("capacity", "0");
        var both = post("/admin/schedules/" + id + "/rules", noLanguage);
        assertThat(both.statusCode()).isEqualTo(422);
        assertThat(both.body()).contains("id=\"rule-languages-error\"", "Cochez au moins une langue",
                "id=\"rule-capacity-error\"", "entre 1 et 99");
        assertThat(schedules.rules(id)).isEmpty();
    }

    @Test
    void anOverlappingSessionIsRefusedNamingTheSessionItRunsInto() {
        var id = service("desk-overlap");
        assertRedirectedTo(post("/admin/schedules/" + id + "/rules", thursdayEvening("18:00", "21:00")),
                "/admin/schedules/" + id);

        var refused = post("/admin/schedules/" + id + "/rules", thursdayEvening("20:00", "22:00"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"rule-start-error\"", "empiètent sur une séance qui existe déjà",
                "Jeudi 18:00–21:00");
        assertThat(schedules.rules(id)).hasSize(1);
    }

    @Test
    void aRunOfClosedDaysIsOneLineThatIsTakenBackAtOnce() {
        var id = service("desk-closed");
        var from = TODAY.plusDays(10);

        var saved = post("/admin/schedules/" + id + "/closures",
                Map.of("from", from.toString(), "to", from.plusDays(2).toString(), "start", "", "end", ""));

        assertRedirectedTo(saved, "/admin/schedules/" + id);
        assertThat(schedules.exceptions(id)).hasSize(3).allSatisfy(e -> assertThat(e.exception().allDay()).isTrue());
        var page = admin.get("/admin/schedules/" + id).body();
        var ids = String.join(",", schedules.exceptions(id).stream().map(Schedules.StoredException::id).toList());
        assertThat(page).contains("data-exceptions=\"" + ids + "\"", "Toute la journée", "Fermé");

        assertRedirectedTo(post("/admin/schedules/" + id + "/exceptions/delete", Map.of("ids", ids)),
                "/admin/schedules/" + id);
        assertThat(schedules.exceptions(id)).isEmpty();

        var backwards = post("/admin/schedules/" + id + "/closures",
                Map.of("from", from.toString(), "to", from.minusDays(1).toString(), "start", "10:00", "end", ""));
        assertThat(backwards.statusCode()).isEqualTo(422);
        assertThat(backwards.body()).contains("id=\"closure-to-error\"", "id=\"closure-end-error\"");
        assertThat(schedules.exceptions(id)).isEmpty();
    }

    @Test
    void anExtraSessionShowsInItsWeekWithItsSlots() {
        var id = service("desk-extra");
        var saturday = THURSDAY.plusDays(2);
        var form = new LinkedHashMap<>(thursdayEvening("10:00", "11:00"));
        form.remove("day");
        form.remove("frequency");
        form.remove("from");
        form.put("date", saturday.toString());

        assertRedirectedTo(post("/admin/schedules/" + id + "/extras", form), "/admin/schedules/" + id);

        var week = admin.get("/admin/schedules/" + id + "/week?start=" + saturday).body();
        assertThat(week).contains("Séance exceptionnelle 10:00–11:00", "data-slot=\"" + id + "." + saturday
                .toString().replace("-", "") + "T1000+0");
    }

    @Test
    void attendanceIsMarkedFromTheWeekOnlyWithTheCsrfTokenAndFromTheAppointmentsDayOn() {
        var id = service("desk-attendance");
        var day = TODAY.minusDays(3);
        schedules.addRule(new ScheduleRule(id, day.getDayOfWeek(), LocalTime.of(10, 0), LocalTime.of(11, 0),
                Duration.ofMinutes(60), 2, Set.of(Language.FR, Language.AR), Recurrence.weekly()));
        var past = bookedBefore(id, day, "Mimi", Language.AR);
        var later = THURSDAY.with(TemporalAdjusters.nextOrSame(day.getDayOfWeek()));
        var future = bookedBefore(id, later, null, Language.FR);

        var week = admin.get("/admin/schedules/" + id + "/week?start=" + day).body();
        assertThat(week).contains("id=\"booking-" + past.code() + "\"", "Mimi", "arabe", "interprète à prévoir",
                "Présence pas encore notée", "/bookings/" + past.code() + "/attendance", "1 place réservée sur 2");
        assertThat(week).doesNotContain(past.conversationId());

        var path = "/admin/schedules/" + id + "/bookings/" + past.code() + "/attendance";
        assertThat(admin.postForm(path, Map.of("status", "attended")).statusCode()).isEqualTo(403);
        assertThat(bookings.attendance(past.code())).isEmpty();

        var marked = post(path, Map.of("status", "attended"));
        assertRedirectedTo(marked, "/week?start=" + day.with(DayOfWeek.MONDAY) + "#booking-" + past.code());
        assertThat(bookings.attendance(past.code())).contains(Attendance.ATTENDED);
        var back = marked.headers().firstValue("Location").orElseThrow();
        assertThat(admin.get(back.substring(back.indexOf("/admin"), back.indexOf('#'))).body())
                .contains("Présence notée", "data-attendance=\"attended\"");

        assertThat(post(path, Map.of("status", "maybe")).statusCode()).isEqualTo(400);
        assertThat(post("/admin/schedules/" + id + "/bookings/" + future.code() + "/attendance",
                Map.of("status", "no-show")).statusCode()).isEqualTo(409);
        assertThat(bookings.attendance(future.code())).isEmpty();
        assertThat(post("/admin/schedules/" + id + "/bookings/ZZZZZ/attendance", Map.of("status", "no-show"))
                .statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/schedules/" + id + "/week?start=" + later).body())
                .contains("id=\"booking-" + future.code() + "\"", "sans interprète")
                .doesNotContain("/bookings/" + future.code() + "/attendance");
    }

    @Test
    void anUnknownServiceIsANotFoundPageAndAnUnreadableWeekShowsTheCurrentOne() {
        var missing = admin.get("/admin/schedules/nobody-here");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Service introuvable", "href=\"/admin/schedules\"");
        assertThat(admin.get("/admin/schedules/nobody-here/week").statusCode()).isEqualTo(404);

        var unreadable = admin.get("/admin/schedules/pad/week?start=someday");
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.body()).contains("n’a pas pu être lue", "data-start=\"" + TODAY.with(DayOfWeek.MONDAY) + "\"");
    }

    /** A booking of the day's first slot, made the day before as the chat would have made it. */
    private Booking bookedBefore(String serviceId, LocalDate day, String nickname, Language language) {
        var slot = schedules.slots(serviceId, day, day).get(0);
        var dayBefore = Clock.fixed(slot.start().minusDays(1).toInstant(), Slot.PARIS);
        var then = new Bookings(store, dayBefore, Bookings.DEFAULT_RETENTION, bookings.nicknames());
        var result = then.book(slot, "pseudonym-" + serviceId + "-" + day, nickname, language, 1);
        assertThat(result).isInstanceOf(BookingResult.Booked.class);
        return ((BookingResult.Booked) result).booking();
    }
}
