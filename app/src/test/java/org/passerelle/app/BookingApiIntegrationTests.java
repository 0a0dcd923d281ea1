package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.core.booking.BookingResult;
import org.passerelle.core.booking.Bookings;
import org.passerelle.core.booking.Schedules;
import org.passerelle.core.store.RedisStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The staff schedule API over real HTTP, behind the admin login. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.admin.bootstrap-username=admin",
        "passerelle.admin.bootstrap-password=a-long-test-password"})
class BookingApiIntegrationTests {

    // Far enough ahead that every slot is still to come, whatever day the tests run.
    private static final LocalDate TUESDAY = LocalDate.now(ZoneId.of("Europe/Paris"))
            .plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));

    private static final String WEEKLY_RULE = """
            {"day": "TUESDAY", "start": "%s", "end": "%s", "slotMinutes": 60, "capacity": 2,
             "languages": ["fr", "zh"]}
            """;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("passerelle-booking-api-test");
        registry.add("passerelle.data-dir", dir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    Schedules schedules;

    @Autowired
    Bookings bookings;

    @Autowired
    RedisStore store;

    WebChatClient client;

    @BeforeEach
    void client() {
        client = new WebChatClient(port);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return WebChatClient.json(response.body());
    }

    private void createService(String id) {
        var saved = client.admin("PUT", "/api/services/" + id, "{\"placeKey\": \"pad18.address\", \"defaultSlotMinutes\": 60}");
        assertThat(saved.statusCode()).isEqualTo(201);
    }

    @Test
    void refusesEveryoneWithoutTheAdminLoginAndListsTheSeededServices() {
        assertThat(client.call("GET", "/api/services", null, null).statusCode()).isEqualTo(401);
        assertThat(client.call("GET", "/api/services", null, "wrong-password-here").statusCode()).isEqualTo(401);

        var services = client.admin("GET", "/api/services", null);
        assertThat(services.statusCode()).isEqualTo(200);
        assertThat(json(services).valueStream().map(s -> s.get("id").asString()).toList()).contains("group", "lawyer", "pad");
        assertThat(json(client.admin("GET", "/api/services/pad", null)).get("placeKey").asString()).isEqualTo("pad18.address");
        assertThat(json(client.admin("GET", "/api/services/lawyer/rules", null)).size()).isZero();
    }

    @Test
    void weeklyRuleOffersSlotsWithTheirBookingsCountedAndStaffSeeTheDayWithoutWhoBooked() {
        createService("desk-weekly");
        var created = client.admin("POST", "/api/services/desk-weekly/rules", WEEKLY_RULE.formatted("10:00", "12:00"));
        assertThat(created.statusCode()).isEqualTo(201);
        var ruleId = json(created).get("id").asString();
        assertThat(json(created).get("intervalWeeks").asInt()).isEqualTo(1);

        var path = "/api/services/desk-weekly/slots?from=" + TUESDAY + "&to=" + TUESDAY.plusDays(6);
        var slots = json(client.admin("GET", path, null));
        assertThat(slots.size()).isEqualTo(2);
        assertThat(slots.get(0).get("start").asString()).startsWith(TUESDAY + "T10:00:00+0");
        assertThat(slots.get(0).get("end").asString()).startsWith(TUESDAY + "T11:00:00+0");
        assertThat(slots.get(0).get("capacity").asInt()).isEqualTo(2);
        assertThat(slots.get(0).get("booked").asInt()).isZero();
        assertThat(slots.get(0).get("languages").toString()).contains("fr", "zh");

        var slot = schedules.slots("desk-weekly", TUESDAY, TUESDAY).get(0);
        var booked = bookings.book(slot, "pseudonym-of-her", "Mimi", Language.ZH, 1);
        assertThat(booked).isInstanceOf(BookingResult.Booked.class);
        var code = ((BookingResult.Booked) booked).booking().code();
        assertThat(json(client.admin("GET", path, null)).get(0).get("booked").asInt()).isEqualTo(1);

        var day = client.admin("GET", "/api/services/desk-weekly/bookings?date=" + TUESDAY, null);
        assertThat(day.statusCode()).isEqualTo(200);
        assertThat(json(day).get(0).get("code").asString()).isEqualTo(code);
        assertThat(json(day).get(0).get("language").asString()).isEqualTo("zh");
        assertThat(json(day).get(0).get("nickname").asString()).isEqualTo("Mimi");
        assertThat(json(day).get(0).get("interpreterLanguage").asString()).isEqualTo("zh");
        assertThat(day.body()).doesNotContain("pseudonym-of-her");

        assertThat(client.admin("DELETE", "/api/services/desk-weekly/rules/" + ruleId, null).statusCode()).isEqualTo(204);
        assertThat(client.admin("DELETE", "/api/services/desk-weekly/rules/" + ruleId, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aPersonBooksInTheWebChatAndStaffSeeTheBooking() {
        var rule = client.admin("POST", "/api/services/pad/rules", WEEKLY_RULE.formatted("14:00", "15:00"));
        assertThat(rule.statusCode()).isEqualTo(201);

        var she = new WebChatClient(port);
        she.say("start");
        she.say("lang:fr");
        she.say("book");
        assertThat(she.optionKeys()).contains("service:pad");
        she.say("service:pad");
        assertThat(she.optionKeys().get(0)).startsWith("day:pad:");
        she.say("1");
        assertThat(she.optionKeys().get(0)).startsWith("slot:pad.");
        she.say("1");
        // An optional nickname, then the interpreter: the rule offers French and Chinese.
        assertThat(she.optionKeys().get(0)).startsWith("noname:pad.");
        she.say("Mimi");
        assertThat(she.optionKeys()).hasSize(3);
        assertThat(she.optionKeys().get(1)).startsWith("interp:pad.").endsWith(":zh");
        she.say("2");
        assertThat(she.lastText()).endsWith("Surnom : Mimi. Interprète : chinois.");
        she.say("1");
        assertThat(she.lastText()).startsWith("C'est réservé. Votre code : ");
        var code = she.lastText().substring("C'est réservé. Votre code : ".length()).substring(0, 5);

        var bookingsOfTheDays = new StringBuilder();
        for (var day = LocalDate.now(ZoneId.of("Europe/Paris")); day.isBefore(TUESDAY.plusDays(1)); day = day.plusDays(1)) {
            bookingsOfTheDays.append(client.admin("GET", "/api/services/pad/bookings?date=" + day, null).body());
        }
        // Staff find her code in the day's list of the service, with her nickname and the interpreter's language.
        assertThat(bookingsOfTheDays.toString()).contains(code, "\"language\":\"zh\"",
                "\"interpreterLanguage\":\"zh\"", "\"nickname\":\"Mimi\"");
        // In Redis the nickname is sealed.
        var sealed = store.<String>call(jedis -> jedis.hget(store.key("booking", code), "nickname"));
        assertThat(sealed).startsWith("k:k1:").doesNotContain("Mimi");
        assertThat(bookings.find(code)).hasValueSatisfying(b -> assertThat(b.nickname()).contains("Mimi"));

        // The staff's calendar shows the booking by its code and language only, behind a secret address.
        var url = json(client.admin("GET", "/api/services/pad/calendar", null)).get("url").asString();
        var feed = client.get(url);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/calendar"));
        assertThat(feed.body()).startsWith("BEGIN:VCALENDAR").contains("SUMMARY:" + code + " (zh)")
                .doesNotContain(she.conversationId()).doesNotContain("Mimi");
        assertThat(client.get(url.replace(".ics", "x.ics")).statusCode()).isEqualTo(404);
        assertThat(client.get("/calendar/pad/not-the-token.ics").statusCode()).isEqualTo(404);

        // Afterwards, staff mark whether she came.
        var attendance = "/api/services/pad/bookings/" + code + "/attendance";
        assertThat(client.admin("POST", attendance, "{\"status\": \"no-show\"}").statusCode()).isEqualTo(204);
        assertThat(bookings.attendance(code)).contains(org.passerelle.core.booking.Attendance.NO_SHOW);
        assertThat(client.admin("POST", attendance, "{\"status\": \"maybe\"}").statusCode()).isEqualTo(400);
        assertThat(client.admin("POST", "/api/services/pad/bookings/ZZZZZ/attendance",
                "{\"status\": \"attended\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void ruleEndingBeforeItStartsIsABadRequestNamingTheField() {
        createService("desk-invalid");

        var refused = client.admin("POST", "/api/services/desk-invalid/rules", WEEKLY_RULE.formatted("14:00", "13:00"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(refused).get("field").asString()).isEqualTo("end");
        assertThat(json(refused).get("detail").asString()).contains("end must be after start");
        assertThat(json(client.admin("GET", "/api/services/desk-invalid/rules", null)).size()).isZero();
    }

    @Test
    void overlappingRuleIsRefusedAsAConflictNamingTheOtherRule() {
        createService("desk-overlap");
        var first = json(client.admin("POST", "/api/services/desk-overlap/rules", WEEKLY_RULE.formatted("10:00", "12:00")));

        var refused = client.admin("POST", "/api/services/desk-overlap/rules", WEEKLY_RULE.formatted("11:00", "13:00"));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).get("conflictsWith").asString()).isEqualTo(first.get("id").asString());
        assertThat(json(refused).get("detail").asString()).contains("overlap");
        assertThat(client.admin("POST", "/api/services/desk-overlap/rules", WEEKLY_RULE.formatted("12:00", "13:00"))
                .statusCode()).isEqualTo(201);
    }

    @Test
    void closureRemovesTheDaySlotsUntilItIsTakenBack() {
        createService("desk-closed");
        client.admin("POST", "/api/services/desk-closed/rules", WEEKLY_RULE.formatted("10:00", "12:00"));
        var closure = client.admin("POST", "/api/services/desk-closed/exceptions",
                "{\"date\": \"" + TUESDAY + "\", \"kind\": \"closed\"}");
        assertThat(closure.statusCode()).isEqualTo(201);
        var path = "/api/services/desk-closed/slots?from=" + TUESDAY + "&to=" + TUESDAY;

        assertThat(json(client.admin("GET", path, null)).size()).isZero();
        assertThat(client.admin("DELETE", "/api/services/desk-closed/exceptions/" + json(closure).get("id").asString(),
                null).statusCode()).isEqualTo(204);
        assertThat(json(client.admin("GET", path, null)).size()).isEqualTo(2);
    }

    @Test
    void unknownServiceIsNotFoundAndBadDatesAreBadRequests() {
        assertThat(client.admin("GET", "/api/services/nobody/slots?from=2026-12-01&to=2026-12-02", null).statusCode())
                .isEqualTo(404);
        assertThat(client.admin("POST", "/api/services/nobody/rules", WEEKLY_RULE.formatted("10:00", "12:00")).statusCode())
                .isEqualTo(404);
        assertThat(client.admin("GET", "/api/services/nobody/bookings?date=2026-12-01", null).statusCode()).isEqualTo(404);

        var badDate = client.admin("GET", "/api/services/pad/slots?from=2026-13-01&to=2026-12-02", null);
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(json(badDate).get("field").asString()).isEqualTo("from");
        assertThat(client.admin("GET", "/api/services/pad/slots?from=2026-12-01", null).statusCode()).isEqualTo(400);
        assertThat(client.admin("GET", "/api/services/pad/slots?from=2026-12-02&to=2026-12-01", null).statusCode())
                .isEqualTo(400);
        assertThat(client.admin("GET", "/api/services/pad/bookings?date=tomorrow", null).statusCode()).isEqualTo(400);
        assertThat(client.admin("PUT", "/api/services/Bad_Id", "{\"placeKey\": \"x\", \"defaultSlotMinutes\": 30}")
                .statusCode()).isEqualTo(400);
    }
}
