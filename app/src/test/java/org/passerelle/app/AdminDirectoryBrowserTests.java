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
 * An admin in a real browser the width of a phone (the system Chromium, headless) fixes the
 * PAD's phone number on the directory page, from the keyboard, after a refused first try;
 * publishes it with a note; and a person on the web chat then reads it in French and in Arabic.
 * Runs in the {@code browser-tests} Maven profile only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.admin.bootstrap-username=admin",
        "passerelle.admin.bootstrap-password=a-long-test-password"})
class AdminDirectoryBrowserTests extends BrowserTestSupport {

    private static final String PHONE = "01 53 41 86 60";


    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("passerelle-directory-browser-test");
        registry.add("passerelle.data-dir", dir::toString);
    }

    private String askAboutALawyer(String language, String question) {
        var she = new WebChatClient(port);
        she.say("start");
        she.say("lang:" + language);
        var replies = she.say(question).get("replies");
        return String.join("\n", replies.valueStream().map(r -> r.get("text").asString()).toList());
    }

    private boolean fitsThePhone() {
        return (Boolean) chromium.script("return document.documentElement.scrollWidth <= window.innerWidth;");
    }

    @Test
    void anAdminFixesAPhoneNumberOnThePagePublishesItAndTheChatGivesIt() {
        chromium.signIn(base() + "/admin/content/directory", "admin", WebChatClient.ADMIN_PASSWORD,
                ".*/admin/content/directory(\\?continue)?$");
        var entry = chromium.await(By.id("entry-pad18.phone"));
        assertThat(entry.getText()).contains("Non confirmée", "Avocat gratuit", "Téléphone : demandez à une médiatrice");
        assertThat(fitsThePhone()).isTrue();

        var value = browser.findElement(By.id("entry-pad18.phone-value"));
        assertThat(value.getAttribute("inputmode")).isEqualTo("tel");
        value.sendKeys("appelez le PAD");
        value.sendKeys(Keys.ENTER);
        var refused = chromium.await(By.cssSelector("#entry-pad18\\.phone .field-error"));
        assertThat(refused.getText()).contains("Ce n’est pas un numéro de téléphone");
        value = browser.findElement(By.id("entry-pad18.phone-value"));
        assertThat(value.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(value.getAttribute("value")).isEqualTo("appelez le PAD");

        value.clear();
        value.sendKeys(PHONE);
        var confirmed = browser.findElement(By.id("entry-pad18.phone-confirmed"));
        if (!confirmed.isSelected()) {
            chromium.tap(confirmed);
        }
        chromium.tap(browser.findElement(By.cssSelector("#entry-pad18\\.phone button.primary")));
        new WebDriverWait(browser, HeadlessChromium.WAIT).until(ExpectedConditions.urlContains("#entry-pad18.phone"));
        entry = chromium.await(By.id("entry-pad18.phone"));
        assertThat(entry.getText()).contains("Brouillon de admin", "Téléphone : " + PHONE);
        assertThat(askAboutALawyer("fr", "je veux voir un avocat")).doesNotContain(PHONE);

        var note = browser.findElement(By.id("publish-note"));
        note.sendKeys("Numéro du PAD confirmé");
        chromium.tap(browser.findElement(By.cssSelector("#publish button.primary")));
        var notice = chromium.await(By.cssSelector("p.notice"));
        assertThat(notice.getText()).contains("Publié");
        assertThat(browser.findElement(By.id("entry-pad18.phone")).getText()).contains("En vigueur");
        assertThat(fitsThePhone()).isTrue();

        assertThat(askAboutALawyer("fr", "je veux voir un avocat")).contains("Téléphone : " + PHONE);
        assertThat(askAboutALawyer("ar", "بغيت محامي")).contains("الهاتف: " + PHONE);
    }
}
