package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.privacy.Pseudonymizer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A mediator in a real browser (the system Chromium, headless) signs in on the login page; the
 * inbox is open when a person asks for a human on the web chat, the conversation appears without
 * a reload, she takes it, answers (the person's event stream gets the answer) and closes it; a
 * danger sounds the alert. Runs in the {@code browser-tests} Maven profile only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.admin.bootstrap-username=admin",
        "passerelle.admin.bootstrap-password=a-long-test-password"})
class InboxBrowserTests extends BrowserTestSupport {

    private static final Duration WAIT = HeadlessChromium.WAIT;
    private static final String MEDIATOR = "awa";
    private static final String MEDIATOR_PASSWORD = "a-mediator-password";


    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("passerelle-browser-test");
        registry.add("passerelle.data-dir", dir::toString);
    }

    @Autowired
    Pseudonymizer pseudonymizer;

    /** A mediator for French, created by the admin through the team API (once per application). */
    private void mediatorAccount() {
        var created = new WebChatClient(port).admin("POST", "/api/team/mediators", """
                {"username": "%s", "displayName": "Awa", "password": "%s", "role": "MEDIATOR",
                 "languages": ["fr"], "skills": []}
                """.formatted(MEDIATOR, MEDIATOR_PASSWORD));
        assertThat(created.statusCode()).isIn(201, 409);
    }

    /** Signs in as the mediator on the login page, which then leads to the inbox. */
    private void signIn() {
        mediatorAccount();
        chromium.signIn(base() + "/inbox", MEDIATOR, MEDIATOR_PASSWORD, "/inbox(\\?continue)?$");
    }

    private WebElement await(By what) {
        return chromium.await(what);
    }

    private void tap(WebElement element) {
        chromium.tap(element);
    }

    private void awaitLive() {
        new WebDriverWait(browser, WAIT).until(d -> "true".equals(d.findElement(By.tagName("body"))
                .getDomAttribute("data-live")));
    }

    private String asksForAHuman(WebChatClient person, String words) {
        person.say("start");
        person.say("lang:fr");
        person.say(words);
        return pseudonymizer.pseudonym(Channel.WEBCHAT, person.conversationId());
    }

    @Test
    void aMediatorSeesANewConversationLiveTakesItAnswersAndClosesIt() throws Exception {
        signIn();
        await(By.id("waiting"));
        awaitLive();
        // A mark on this page: it must still be there when the conversation shows, so no reload.
        ((JavascriptExecutor) browser).executeScript("window.passerelleMark = 'same page';");

        var she = new WebChatClient(port);
        var id = asksForAHuman(she, "human");
        var row = await(By.cssSelector("#waiting [data-conversation='" + id + "']"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.passerelleMark;"))
                .isEqualTo("same page");
        assertThat(row.getText()).contains("#" + id.substring(0, 8)).doesNotContain(she.conversationId());

        tap(row.findElement(By.cssSelector("a.open")));
        tap(await(By.id("claim")));
        var reply = await(By.id("reply-text"));
        awaitLive();

        try (var stream = WebChatEvents.open(she, she.conversationId())) {
            reply.sendKeys("Bonjour, je suis Awa, médiatrice. Je vous écoute.");
            tap(browser.findElement(By.cssSelector("#reply button[type=submit]")));
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#transcript .line.mediator:last-child"), "je suis Awa"));
            assertThat(browser.findElement(By.id("reply-text")).getDomProperty("value")).isEmpty();
            stream.awaitContaining("je suis Awa", WAIT);
        }

        tap(browser.findElement(By.id("close")));
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.alertIsPresent()).accept();
        await(By.cssSelector(".notice"));
        assertThat(browser.getCurrentUrl()).endsWith("/inbox");
        assertThat(browser.findElements(By.cssSelector("[data-conversation='" + id + "']"))).isEmpty();
    }

    @Test
    void aNewDangerRaisesTheAlarmOnTheOpenPage() {
        signIn();
        await(By.id("waiting"));
        awaitLive();
        var alarms = browser.findElement(By.tagName("body")).getDomAttribute("data-danger-alerts");

        var id = asksForAHuman(new WebChatClient(port), "au secours");
        var row = await(By.cssSelector("#waiting [data-conversation='" + id + "']"));
        assertThat(row.getDomAttribute("data-priority")).isEqualTo("DANGER");
        assertThat(row.findElement(By.cssSelector(".badge.danger")).isDisplayed()).isTrue();
        new WebDriverWait(browser, WAIT).until(d -> {
            var now = d.findElement(By.tagName("body")).getDomAttribute("data-danger-alerts");
            return now != null && !now.equals(alarms);
        });
    }
}
