package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.passerelle.content.Language;
import org.passerelle.core.handoff.StaffAccount;
import org.passerelle.core.handoff.StaffRole;
import org.passerelle.core.handoff.Team;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call what, over real HTTP: anonymous, a mediator and an admin against every staff
 * endpoint and page, each with the answer expected: 401 for an anonymous script, 403 for the
 * wrong role, a redirect to the login form for a page, and through otherwise. Scripts sign in
 * with HTTP Basic, browsers through the form.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.admin.bootstrap-username=admin",
        "passerelle.admin.bootstrap-password=" + SecurityMatrixIntegrationTests.ADMIN_PASSWORD,
        "passerelle.admin.session-timeout=7m"})
class SecurityMatrixIntegrationTests {

    static final String ADMIN_PASSWORD = "a-long-test-password";
    static final String MEDIATOR_PASSWORD = "mediator-test-password";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("passerelle-security-test");
        registry.add("passerelle.data-dir", dir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    Team team;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    WebServerApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @BeforeEach
    void mediator() {
        team.create(new StaffAccount("amina", "Amina", StaffRole.MEDIATOR, encoder.encode(MEDIATOR_PASSWORD),
                Set.of(Language.AR, Language.FR), Set.of()));
    }

    @TestFactory
    Stream<DynamicTest> everyApiEndpointAnswersEachCallerAsDeclared() {
        return SecurityMatrix.API.stream().flatMap(row -> row.expected().entrySet().stream().map(entry ->
                DynamicTest.dynamicTest(row.method() + " " + row.path() + " as " + entry.getKey()
                        + " → " + entry.getValue().label(), () -> {
                    var browser = new StaffBrowser(port);
                    var response = switch (entry.getKey()) {
                        case ANONYMOUS -> browser.basic(row.method(), row.path(), row.body(), null, null);
                        case MEDIATOR -> browser.basic(row.method(), row.path(), row.body(), "amina", MEDIATOR_PASSWORD);
                        case ADMIN -> browser.basic(row.method(), row.path(), row.body(), "admin", ADMIN_PASSWORD);
                    };
                    assertThat(entry.getValue().matches(response))
                            .as("%s %s as %s: %s %s", row.method(), row.path(), entry.getKey(),
                                    response.statusCode(), response.body())
                            .isTrue();
                })));
    }

    @TestFactory
    Stream<DynamicTest> everyPageAnswersEachSignedInCallerAsDeclared() {
        var mediator = new StaffBrowser(port);
        var admin = new StaffBrowser(port);
        return SecurityMatrix.PAGES.stream().flatMap(row -> row.expected().entrySet().stream().map(entry ->
                DynamicTest.dynamicTest(row.method() + " " + row.path() + " as " + entry.getKey()
                        + " → " + entry.getValue().label(), () -> {
                    var browser = switch (entry.getKey()) {
                        case ANONYMOUS -> new StaffBrowser(port);
                        case MEDIATOR -> signedIn(mediator, "amina", MEDIATOR_PASSWORD);
                        case ADMIN -> signedIn(admin, "admin", ADMIN_PASSWORD);
                    };
                    var response = browser.get(row.path());
                    assertThat(entry.getValue().matches(response))
                            .as("%s %s as %s: %s %s", row.method(), row.path(), entry.getKey(),
                                    response.statusCode(), response.headers().map())
                            .isTrue();
                })));
    }

    @Test
    void theMatrixNamesEveryRestEndpointOfTheApplication() {
        var parser = PathPatternParser.defaultInstance;
        var missing = new ArrayList<String>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPathPatternsCondition().getPatterns()
                .stream().filter(pattern -> pattern.getPatternString().startsWith("/api/"))
                .forEach(pattern -> info.getMethodsCondition().getMethods().forEach(method -> {
                    boolean named = SecurityMatrix.API.stream().anyMatch(row -> row.method().equals(method.name())
                            && parser.parse(pattern.getPatternString()).matches(PathContainer.parsePath(row.pathOnly())));
                    if (!named) {
                        missing.add(method + " " + pattern.getPatternString());
                    }
                })));
        assertThat(missing).as("endpoints without a row in the security matrix").isEmpty();
    }

    @Test
    void theMatrixNamesEveryAdminPageOfTheApplication() {
        var parser = PathPatternParser.defaultInstance;
        var missing = new ArrayList<String>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPathPatternsCondition().getPatterns()
                .stream().filter(pattern -> pattern.getPatternString().startsWith("/admin"))
                .forEach(pattern -> {
                    var methods = info.getMethodsCondition().getMethods();
                    if (!methods.isEmpty() && methods.stream().noneMatch(m -> m.name().equals("GET"))) {
                        return;
                    }
                    boolean named = SecurityMatrix.PAGES.stream().anyMatch(row -> row.method().equals("GET")
                            && parser.parse(pattern.getPatternString()).matches(PathContainer.parsePath(row.pathOnly())));
                    if (!named) {
                        missing.add("GET " + pattern.getPatternString());
                    }
                }));
        assertThat(missing).as("admin pages without a row in the security matrix").isEmpty();
    }

    @Test
    void theFirstAdminComesFromTheBootstrapSettingsWithAHashedPassword() {
        var admin = team.find("admin").orElseThrow();

        assertThat(admin.role()).isEqualTo(StaffRole.ADMIN);
        assertThat(admin.passwordHash()).startsWith("{bcrypt}").doesNotContain(ADMIN_PASSWORD);
        assertThat(encoder.matches(ADMIN_PASSWORD, admin.passwordHash())).isTrue();
    }

    @Test
    void aScriptWithoutOrWithWrongCredentialsGetsAProblemAndABasicChallenge() {
        var browser = new StaffBrowser(port);

        var anonymous = browser.basic("GET", "/api/services", null, null, null);
        var wrong = browser.basic("GET", "/api/services", null, "amina", "not-her-password");
        var unknown = browser.basic("GET", "/api/services", null, "nobody", MEDIATOR_PASSWORD);
        var wrongRole = browser.basic("GET", "/api/team/mediators", null, "amina", MEDIATOR_PASSWORD);

        for (var refused : List.of(anonymous, wrong, unknown)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("Basic realm="));
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("application/problem+json"));
        }
        assertThat(wrongRole.statusCode()).isEqualTo(403);
        assertThat(WebChatClient.json(wrongRole.body()).get("detail").asString()).contains("role");
        // A script opens no session.
        assertThat(browser.basic("GET", "/api/services", null, "amina", MEDIATOR_PASSWORD).headers()
                .firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void aUsernameIsTheSameWhateverItsCase() {
        var browser = new StaffBrowser(port);

        assertThat(browser.basic("GET", "/api/services", null, "Amina", MEDIATOR_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aPageSendsToTheLoginFormAndBackAfterSigningIn() {
        var browser = new StaffBrowser(port);

        var page = browser.get("/inbox");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        var wrong = browser.signIn("amina", "not-her-password");
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        var signedIn = browser.signIn("amina", MEDIATOR_PASSWORD);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).contains("/inbox");
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        assertThat(SecurityMatrix.THROUGH.matches(browser.get("/inbox"))).isTrue();
    }

    @Test
    void theLoginFormAndEveryPagePostNeedTheCsrfToken() {
        var browser = new StaffBrowser(port);
        browser.get("/login");

        var forged = browser.postForm("/login", Map.of("username", "amina", "password", MEDIATOR_PASSWORD));
        assertThat(forged.statusCode()).isEqualTo(403);

        browser.signIn("amina", MEDIATOR_PASSWORD);
        assertThat(browser.postForm("/inbox/conversations/c-unknown/claim", Map.of()).statusCode()).isEqualTo(403);
        var token = browser.csrfToken();
        assertThat(SecurityMatrix.THROUGH.matches(browser.postForm("/inbox/conversations/c-unknown/claim", Map.of("_csrf", token))))
                .isTrue();
    }

    @Test
    void theSignedInPagesMayCallTheApiWithTheirSessionAndTheirCsrfToken() {
        var browser = new StaffBrowser(port);
        browser.signIn("amina", MEDIATOR_PASSWORD);

        assertThat(browser.json("GET", "/api/services", null, null).statusCode()).isEqualTo(200);
        assertThat(browser.json("GET", "/api/content", null, null).statusCode()).isEqualTo(403);
        var forged = browser.json("POST", "/api/services/pad/rules", "{}", null);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(WebChatClient.json(forged.body()).get("detail").asString()).contains("CSRF");
        assertThat(browser.json("POST", "/api/services/pad/rules", "{}", browser.csrfToken()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void signingOutEndsTheSession() {
        var browser = new StaffBrowser(port);
        browser.signIn("amina", MEDIATOR_PASSWORD);

        assertThat(browser.postForm("/logout", Map.of()).statusCode()).isEqualTo(403);
        var out = browser.postForm("/logout", Map.of("_csrf", browser.csrfToken()));

        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(browser.get("/inbox").headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(browser.json("GET", "/api/services", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aSessionLastsTheConfiguredIdleTime() throws IOException {
        var browser = new StaffBrowser(port);
        browser.signIn("amina", MEDIATOR_PASSWORD);

        var tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
        var manager = ((Context) tomcat.getHost().findChildren()[0]).getManager();

        assertThat(manager.findSession(browser.sessionId()).getMaxInactiveInterval()).isEqualTo(7 * 60);
    }

    private static StaffBrowser signedIn(StaffBrowser browser, String username, String password) {
        if (browser.sessionId() == null || browser.get("/inbox").statusCode() == 302) {
            var answer = browser.signIn(username, password);
            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        }
        return browser;
    }
}
