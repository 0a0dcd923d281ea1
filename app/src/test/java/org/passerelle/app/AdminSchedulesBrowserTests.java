package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.passerelle.content.Language;
import org.passerelle.core.booking.BookingResult;
import org.passerelle.core.booking.Bookings;
import org.passerelle.core.booking.Schedules;
import org.passerelle.core.booking.Slot;
import org.passerelle.core.store.RedisStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An admin on a phone-sized headless Chromium opens an evening session of lawyer consultations
 * with the form, sees its slots in the week view with the days stacked, and marks that a person
 * who had booked one of last week's slots came. Runs in the {@code browser-tests} Maven profile only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.admin.bootstrap-username=admin",
        "passerelle.admin.bootstrap-password=" + WebChatClient.ADMIN_PASSWORD})
class AdminSchedulesBrowserTests extends BrowserTestSupport {

    private static final LocalDate TODAY = LocalDate.now(Slot.PARIS);
    private static final LocalDate NEXT_THURSDAY = TODAY.plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.THURSDAY));
    private static final LocalDate LAST_THURSDAY = TODAY.with(DayOfWeek.MONDAY).minusWeeks(1).with(DayOfWeek.THURSDAY);


    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        registry.add("passerelle.data-dir", Files.createTempDirectory("passerelle-schedules-browser-test")::toString);
    }

    @Autowired
    Schedules schedules;

    @Autowired
    Bookings bookings;

    @Autowired
    RedisStore store;

    // Date and time fields are typed differently in every locale's picker; the value is what is sent.
    private void setValue(String id, String value) {
        chromium.script("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    private void type(String id, String text) {
        var field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void anAdminOpensAnEveningSessionSeesItsSlotsAndMarksThatSheCame() {
        chromium.signIn(base() + "/admin/schedules", "admin", WebChatClient.ADMIN_PASSWORD,
                ".*/admin/schedules(\\?continue)?$");
        chromium.tap(chromium.await(By.cssSelector("[data-service='lawyer'] h2 a")));

        new Select(chromium.await(By.id("rule-day"))).selectByValue("THURSDAY");
        setValue("rule-start", "18:00");
        setValue("rule-end", "21:00");
        type("rule-slot", "30");
        type("rule-capacity", "2");
        for (var language : new String[] {"fr", "ar"}) {
            chromium.tap(browser.findElement(By.cssSelector("#rule-form input[name=languages][value=" + language + "]")));
        }
        chromium.tap(browser.findElement(By.cssSelector("#rule-form button[type=submit]")));

        assertThat(chromium.await(By.cssSelector(".notice")).getText()).contains("Séance ouverte");
        var row = chromium.await(By.cssSelector("#rules tbody tr"));
        assertThat(row.getText()).contains("Jeudi", "18:00–21:00", "30 min", "français, arabe").doesNotContain("r1");
        assertFitsTheScreen();

        browser.get(base() + "/admin/schedules/lawyer/week?start=" + NEXT_THURSDAY);
        var thursday = chromium.await(By.cssSelector("[data-date='" + NEXT_THURSDAY + "']"));
        var slots = thursday.findElements(By.cssSelector("li.slot"));
        assertThat(slots).hasSize(6);
        assertThat(slots.get(0).getText()).contains("18:00–18:30", "aucune place réservée sur 2");
        // On a phone the days are stacked: Friday starts below Thursday, not beside it.
        var friday = browser.findElement(By.cssSelector("[data-date='" + NEXT_THURSDAY.plusDays(1) + "']"));
        assertThat(friday.getRect().getY()).isGreaterThanOrEqualTo(thursday.getRect().getY()
                + thursday.getRect().getHeight());
        assertFitsTheScreen();

        var code = bookedLastThursday();
        chromium.tap(chromium.await(By.id("week-previous")));
        chromium.await(By.cssSelector("[data-date='" + NEXT_THURSDAY.minusWeeks(1) + "']"));
        browser.get(base() + "/admin/schedules/lawyer/week?start=" + LAST_THURSDAY);
        var booking = chromium.await(By.id("booking-" + code));
        assertThat(booking.getText()).contains(code, "Mimi", "chinois", "interprète à prévoir",
                "Présence pas encore notée");
        assertThat(slotOf(booking).getDomAttribute("class")).contains("past");

        chromium.tap(booking.findElement(By.cssSelector("button[value=attended]")));

        assertThat(chromium.await(By.cssSelector(".notice")).getText()).contains("Présence notée");
        var marked = chromium.await(By.id("booking-" + code));
        assertThat(marked.getDomAttribute("data-attendance")).isEqualTo("attended");
        assertThat(marked.findElement(By.cssSelector("button[value=attended]")).getDomAttribute("aria-pressed"))
                .isEqualTo("true");
        assertThat(browser.getCurrentUrl()).endsWith("#booking-" + code);
    }

    @Test
    void aRuleEndingBeforeItStartsIsExplainedNextToTheEndField() {
        chromium.signIn(base() + "/admin/schedules/group", "admin", WebChatClient.ADMIN_PASSWORD,
                ".*/admin/schedules/group(\\?continue)?$");
        new Select(chromium.await(By.id("rule-day"))).selectByValue("MONDAY");
        setValue("rule-start", "15:00");
        setValue("rule-end", "14:00");
        chromium.tap(browser.findElement(By.cssSelector("#rule-form input[name=languages][value=fr]")));
        chromium.tap(browser.findElement(By.cssSelector("#rule-form button[type=submit]")));

        var error = chromium.await(By.id("rule-end-error"));
        assertThat(error.getText()).contains("L’heure de fin (14:00) doit venir après l’heure de début (15:00)");
        assertThat(browser.findElement(By.id("rule-end")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("rule-end")).getDomProperty("value")).isEqualTo("14:00");
        assertThat(browser.findElement(By.cssSelector("#rule-form input[name=languages][value=fr]")).isSelected())
                .isTrue();
        assertThat(schedules.rules("group")).isEmpty();
    }

    /**
     * Nothing sticks out sideways: the page scrolls only up and down (a wide table scrolls in its
     * own box); names what sticks out otherwise.
     */
    private static void assertFitsTheScreen() {
        var wider = chromium.script("""
                var page = document.documentElement;
                var width = page.clientWidth;
                var out = Array.from(document.querySelectorAll('body *'))
                    .filter(e => !e.closest('.table-scroll') && (e.getBoundingClientRect().right > width + 1
                        || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'
                            && e.clientWidth > 0))
                    .slice(0, 8)
                    .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)
                        + '/' + e.scrollWidth + '>' + e.clientWidth);
                return page.scrollWidth > width ? 'page ' + page.scrollWidth + '>' + width + ': ' + out.join(', ') : '';
                """);
        assertThat(wider).as("elements wider than the screen").isEqualTo("");
    }

    private static WebElement slotOf(WebElement booking) {
        return booking.findElement(By.xpath("ancestor::li[contains(@class, 'slot')]"));
    }

    /** She booked last Thursday's first evening slot the day before, as the chat would have done then. */
    private String bookedLastThursday() {
        var slot = schedules.slots("lawyer", LAST_THURSDAY, LAST_THURSDAY).get(0);
        var dayBefore = Clock.fixed(slot.start().minusDays(1).toInstant(), Slot.PARIS);
        var then = new Bookings(store, dayBefore, Bookings.DEFAULT_RETENTION, bookings.nicknames());
        var result = then.book(slot, "pseudonym-of-her", "Mimi", Language.ZH, 1);
        assertThat(result).isInstanceOf(BookingResult.Booked.class);
        return ((BookingResult.Booked) result).booking().code();
    }
}
