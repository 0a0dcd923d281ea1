package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.passerelle.core.handoff.StaffRole;
import org.passerelle.core.handoff.Team;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one-time setup link over real HTTP, in an application started with no account and no
 * bootstrap settings: the link printed once in the log, a wrong token refused, the first admin
 * created with her password given twice, and the link dead afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SetupLinkIntegrationTests.CaptureLog.class)
class SetupLinkIntegrationTests {

    static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();
    private static final Pattern LINK = Pattern.compile("(http://\\S+)(/setup/[A-Za-z0-9_-]+)");

    /** Listens to the setup link's logger once the application's logging is in place. */
    static final class CaptureLog implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            var logger = (Logger) LoggerFactory.getLogger("org.passerelle.admin.security.SetupLink");
            LOG.start();
            logger.addAppender(LOG);
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("passerelle-setup-test");
        registry.add("passerelle.data-dir", dir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    Team team;

    private static Map<String, String> form(String csrf, String password, String confirmation) {
        var form = new LinkedHashMap<String, String>();
        form.put("_csrf", csrf);
        form.put("username", "Claire");
        form.put("displayName", "Claire M.");
        form.put("password", password);
        form.put("confirmation", confirmation);
        return form;
    }

    @Test
    void theLinkInTheLogCreatesTheFirstAdminOnceAndThenNeverWorksAgain() {
        var lines = LOG.list.stream().filter(e -> e.getFormattedMessage().contains("/setup/")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).getLevel()).isEqualTo(Level.WARN);
        var matcher = LINK.matcher(lines.get(0).getFormattedMessage());
        assertThat(matcher.find()).isTrue();
        assertThat(matcher.group(1)).isEqualTo("http://localhost:" + port);
        var path = matcher.group(2);
        assertThat(team.isEmpty()).isTrue();

        var browser = new StaffBrowser(port);
        assertThat(browser.get("/setup/not-the-right-token").statusCode()).isEqualTo(404);
        var page = browser.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Créer la première administratrice", "name=\"_csrf\"",
                "autocomplete=\"new-password\"");

        assertThat(browser.postForm(path, Map.of("username", "claire")).statusCode()).as("no CSRF token")
                .isEqualTo(403);
        var mismatch = browser.postForm(path, form(browser.csrfToken(), "une longue phrase", "une autre phrase"));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body()).contains("id=\"confirmation-error\"", "ne sont pas identiques",
                "value=\"claire\"").doesNotContain("une longue phrase");
        assertThat(team.isEmpty()).isTrue();

        var created = browser.postForm(path, form(browser.csrfToken(), "une longue phrase", "une longue phrase"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("Compte créé", "claire");
        var claire = team.find("claire").orElseThrow();
        assertThat(claire.role()).isEqualTo(StaffRole.ADMIN);
        assertThat(claire.displayName()).isEqualTo("Claire M.");
        assertThat(new StaffBrowser(port).signIn("claire", "une longue phrase").headers().firstValue("Location")
                .orElseThrow()).endsWith("/admin");

        var again = browser.get(path);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("Un compte existe déjà");
        assertThat(browser.postForm(path, form(browser.csrfToken(), "une longue phrase", "une longue phrase"))
                .statusCode()).isEqualTo(410);
        assertThat(team.list()).hasSize(1);
        var audit = browser.basic("GET", "/api/audit", null, "claire", "une longue phrase");
        assertThat(audit.body()).contains("FIRST ADMIN CREATED BY SETUP LINK");
    }
}
