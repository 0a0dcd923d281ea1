package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.passerelle.core.handoff.Skill;
import org.passerelle.core.handoff.Team;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An admin in a real browser (the system Chromium, headless, phone-sized): she signs in, creates
 * a mediator on the team page, and after a few web chat conversations opens the statistics page,
 * sees the charts drawn as SVG bars, and downloads the CSV. Runs in the {@code browser-tests}
 * Maven profile only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.admin.bootstrap-username=admin",
        "passerelle.admin.bootstrap-password=a-long-test-password"})
class AdminStatsBrowserTests extends BrowserTestSupport {


    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("passerelle-stats-browser-test");
        registry.add("passerelle.data-dir", dir::toString);
    }

    @Autowired
    Team team;

    private void type(String id, String text) {
        var field = chromium.await(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private boolean fitsThePhone() {
        return (Boolean) chromium.script(
                "return document.documentElement.scrollWidth <= window.innerWidth;");
    }

    @Test
    void anAdminCreatesAMediatorThenSeesTheChartsAndDownloadsTheCsv() {
        chromium.signIn(base() + "/admin/team", "admin", "a-long-test-password", ".*/admin/team(\\?continue)?$");
        type("username", "fatou");
        type("displayName", "Fatou D.");
        chromium.tap(browser.findElement(By.cssSelector("input[name=languages][value=fr]")));
        chromium.tap(browser.findElement(By.cssSelector("input[name=languages][value=pt]")));
        chromium.tap(browser.findElement(By.cssSelector("input[name=skills][value=MINORS]")));
        type("password", "la phrase de Fatou");
        type("confirmation", "la phrase de Fatou");
        assertThat(fitsThePhone()).as("the team page fits a phone's width").isTrue();
        chromium.tap(browser.findElement(By.cssSelector("form[action$='/admin/team/accounts'] button[type=submit]")));

        assertThat(chromium.await(By.cssSelector("p.notice")).getText()).contains("Le compte a été créé");
        assertThat(browser.findElement(By.id("accounts")).getText()).contains("Fatou D.", "fatou");
        var fatou = team.find("fatou").orElseThrow();
        assertThat(fatou.skills()).containsExactly(Skill.MINORS);
        assertThat(fatou.languages()).hasSize(2);

        for (int i = 0; i < 6; i++) {
            var she = new WebChatClient(port);
            she.say("start");
            she.say("lang:fr");
        }
        browser.get(base() + "/admin/stats");
        var chart = chromium.await(By.cssSelector("#chart-channels svg"));
        assertThat(chart.getDomAttribute("role")).isEqualTo("img");
        assertThat(browser.findElements(By.cssSelector("#chart-channels svg rect.bar"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#chart-languages svg rect.bar"))).isNotEmpty();
        assertThat((String) chromium.script("return document.querySelector('#chart-channels svg title').textContent;"))
                .isEqualTo("Conversations par jour et par canal");
        assertThat(((Number) chromium.script("return document.querySelector('#chart-channels svg')"
                + ".getBoundingClientRect().width;")).doubleValue()).isGreaterThan(200);
        assertThat(fitsThePhone()).as("the statistics page fits a phone's width").isTrue();
        assertThat(browser.findElements(By.cssSelector("#barriers"))).hasSize(1);

        var href = browser.findElement(By.id("stats-csv")).getDomProperty("href");
        @SuppressWarnings("unchecked")
        var answer = (List<Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.text().then(t => done([r.status, r.headers.get('content-type'), t])));
                """, href);
        assertThat(((Number) answer.get(0)).intValue()).isEqualTo(200);
        assertThat((String) answer.get(1)).startsWith("text/csv");
        assertThat((String) answer.get(2)).startsWith("day,metric,dimension,value").contains(",conversations.channel,webchat,");
    }
}
