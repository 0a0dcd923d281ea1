package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.privacy.Pseudonymizer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What the inbox's application tests share: one application with its embedded Redis and the
 * bootstrap admin, a person on the web chat, and staff accounts created by the admin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.admin.bootstrap-username=admin",
        "passerelle.admin.bootstrap-password=a-long-test-password"})
abstract class InboxTestSupport {

    static final Duration WAIT = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("passerelle-inbox-test");
        registry.add("passerelle.data-dir", dir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    Pseudonymizer pseudonymizer;

    WebChatClient she;
    WebChatClient staff;

    @BeforeEach
    void people() {
        she = new WebChatClient(port);
        staff = new WebChatClient(port);
    }

    /** She starts in French and asks for a mediator; returns her conversation's pseudonym. */
    String asksForAHuman() {
        she.say("start");
        she.say("lang:fr");
        she.say("human");
        return pseudonymizer.pseudonym(Channel.WEBCHAT, she.conversationId());
    }

    JsonNode inboxItem(String id) {
        var list = staff.admin("GET", "/api/inbox/conversations", null);
        assertThat(list.statusCode()).isEqualTo(200);
        for (var item : WebChatClient.json(list.body())) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("conversation " + id + " is not in the inbox: " + list.body());
    }

    /** The admin signed in through the login form, as the pages are used. */
    StaffBrowser signedIn() {
        var browser = new StaffBrowser(port);
        assertThat(browser.signIn("admin", WebChatClient.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }

    /** A staff account with these languages, created by the admin (once per application). */
    void mediator(String username, String... languages) {
        var list = String.join("\", \"", languages);
        var created = staff.admin("POST", "/api/team/mediators", """
                {"username": "%s", "displayName": "%s", "password": "%s", "role": "MEDIATOR",
                 "languages": [%s], "skills": []}
                """.formatted(username, username.toUpperCase(Locale.ROOT), password(username),
                languages.length == 0 ? "" : "\"" + list + "\""));
        assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
    }

    static String password(String username) {
        return "password-of-" + username;
    }

    /** A JSON request signed in as that mediator, as a script would send it. */
    HttpResponse<String> as(String username, String method, String path, String json) {
        return new StaffBrowser(port).basic(method, path, json, username, password(username));
    }
}
