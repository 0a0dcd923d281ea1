package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An admin in a real browser (the system Chromium, headless, phone-sized) opens the English text
 * of a topic from the grid, sees the SMS counter follow her typing (a character outside GSM-7
 * turns it to UCS-2 and more segments), saves, publishes with a note, and a person on the web
 * chat in English who asks for that topic reads the new text. Runs in the {@code browser-tests}
 * Maven profile only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.admin.bootstrap-username=admin",
        "passerelle.admin.bootstrap-password=a-long-test-password"})
class AdminContentBrowserTests extends BrowserTestSupport {

    private static final String TOPIC = "shelter";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("passerelle-content-browser-test");
        registry.add("passerelle.data-dir", dir::toString);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Waits until the element's text is exactly {@code value}. */
    private void awaitText(String id, String value) {
        new WebDriverWait(browser, HeadlessChromium.WAIT)
                .until(ExpectedConditions.textToBe(By.id(id), value));
    }

    @Test
    void anAdminEditsATranslationWatchesTheSmsCounterPublishesAndTheChatAnswersWithTheNewText() {
        chromium.signIn(base() + "/admin", "admin", WebChatClient.ADMIN_PASSWORD, ".*/admin(\\?continue)?$");
        browser.get(base() + "/admin/content");
        chromium.tap(chromium.await(By.cssSelector("#topic-" + TOPIC + " a[href$='/" + TOPIC + "/en']")));
        var sms = chromium.await(By.id("sms"));
        assertThat(browser.findElement(By.id("source-title")).isDisplayed()).isTrue();

        // A short GSM-7 text: one segment, and the room left says how much more fits.
        sms.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        sms.sendKeys("Nowhere to sleep tonight? Call {service:number.shelter}, free, day and night.");
        awaitText("sms-left", Integer.toString(160 - "Nowhere to sleep tonight? Call 115, free, day and night.".length()));
        assertThat(text("sms-encoding")).isEqualTo("GSM-7");
        assertThat(text("sms-segments")).isEqualTo("1");
        assertThat(text("sms-resolved")).contains("Call 115,");

        // Two sentences more and a curly apostrophe: UCS-2, so the same text needs more segments.
        sms.sendKeys(" If you are in danger where you sleep, call 17 or 112. You’re not alone.");
        awaitText("sms-encoding", "UCS-2");
        assertThat(Integer.parseInt(text("sms-segments"))).isGreaterThan(1);
        assertThat(browser.findElement(By.cssSelector("#sms-resolved mark.ucs2")).getText()).isEqualTo("’");
        assertThat(browser.findElement(By.id("sms-non-gsm")).isDisplayed()).isTrue();

        // Back to a plain apostrophe: GSM-7 again, two segments at most.
        sms.sendKeys(Keys.END, Keys.BACK_SPACE.toString().repeat(" You’re not alone.".length()), " You are not alone.");
        awaitText("sms-encoding", "GSM-7");
        assertThat(browser.findElements(By.cssSelector("#sms-resolved mark.ucs2"))).isEmpty();

        var full = browser.findElement(By.id("text"));
        full.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), Keys.ENTER, Keys.ENTER,
                "Tonight, the association's night team can also meet you at the station.");
        chromium.tap(browser.findElement(By.cssSelector("#content-form button[value=save]")));
        chromium.await(By.cssSelector(".notice"));
        assertThat(browser.findElement(By.id("current-status")).getAttribute("class")).contains("needs-review");

        browser.get(base() + "/admin/content/publish");
        chromium.await(By.id("note")).sendKeys("Shelter in English: shorter SMS, night team");
        chromium.tap(browser.findElement(By.cssSelector("#publish-form button[type=submit]")));
        chromium.await(By.cssSelector(".notice"));
        assertThat(browser.getCurrentUrl()).endsWith("/admin/content/history");
        assertThat(browser.findElement(By.id("versions")).getText()).contains("Shelter in English: shorter SMS");

        var she = new WebChatClient(port);
        she.say("start");
        she.say("lang:en");
        she.say("topics");
        var answer = she.say("topic:" + TOPIC);
        assertThat(answer.get("replies").toString()).contains("the association's night team can also meet you");
    }
}
