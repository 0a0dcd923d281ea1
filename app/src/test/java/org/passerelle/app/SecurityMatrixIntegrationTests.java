package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Arrays;
import java.util.function.IntPredicate;
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

    enum Caller { ANONYMOUS, MEDIATOR, ADMIN }

    /** What a caller must get: a description and a test of the status (and Location). */
    record Expect(String label, IntPredicate status, boolean toLogin) {

        boolean matches(HttpResponse<String> response) {
            var location = response.headers().firstValue("Location").orElse("");
            if (toLogin) {
                return response.statusCode() == 302 && location.endsWith("/login");
            }
            return status.test(response.statusCode()) && !location.endsWith("/login");
        }
    }

    static final Expect UNAUTHORIZED = new Expect("401", s -> s == 401, false);
    static final Expect FORBIDDEN = new Expect("403", s -> s == 403, false);
    static final Expect LOGIN = new Expect("redirect to /login", s -> s == 302, true);
    // Let through security: the handler answers, whatever it says; 5xx would hide a refusal.
    static final Expect THROUGH = new Expect("let through", s -> s != 401 && s != 403 && s < 500, false);

    static Expect status(int... statuses) {
        return new Expect(Arrays.toString(statuses),
                s -> Arrays.stream(statuses).anyMatch(x -> x == s), false);
    }

    /** One endpoint and what each caller gets. */
    record Row(String method, String path, String body, Map<Caller, Expect> expected) {

        static Row of(String method, String path, String body, Expect anonymous, Expect mediator, Expect admin) {
            var expected = new EnumMap<Caller, Expect>(Caller.class);
            expected.put(Caller.ANONYMOUS, anonymous);
            expected.put(Caller.MEDIATOR, mediator);
            expected.put(Caller.ADMIN, admin);
            return new Row(method, path, body, expected);
        }

        String pathOnly() {
            int query = path.indexOf('?');
            return query < 0 ? path : path.substring(0, query);
        }
    }

    static Row adminOnly(String method, String path, String body, Expect admin) {
        return Row.of(method, path, body, UNAUTHORIZED, FORBIDDEN, admin);
    }

    static Row staff(String method, String path, String body, Expect staff) {
        return Row.of(method, path, body, UNAUTHORIZED, staff, staff);
    }

    static Row open(String method, String path, String body, Expect everyone) {
        return Row.of(method, path, body, everyone, everyone, everyone);
    }

    static final List<Row> API = List.of(
            // The content editor: admins only.
            adminOnly("GET", "/api/content", null, status(200)),
            adminOnly("GET", "/api/content/versions", null, status(200)),
            adminOnly("GET", "/api/content/topics/legal_status", null, status(200)),
            adminOnly("PUT", "/api/content/topics/legal_status/drafts/en", "{}", status(400)),
            adminOnly("DELETE", "/api/content/topics/legal_status/drafts/zh", null, status(404)),
            adminOnly("POST", "/api/content/publish", "{}", status(400)),
            adminOnly("POST", "/api/content/rollback", "{}", status(400)),
            // The appointments: mediators and admins, except the calendar's secret address.
            staff("GET", "/api/services", null, status(200)),
            staff("GET", "/api/services/pad", null, status(200)),
            staff("PUT", "/api/services/matrix-desk", "{\"placeKey\": \"pad18.address\", \"defaultSlotMinutes\": 60}",
                    status(200, 201)),
            staff("GET", "/api/services/pad/slots?from=2026-12-01&to=2026-12-02", null, status(200)),
            staff("GET", "/api/services/pad/bookings?date=2026-12-01", null, status(200)),
            staff("POST", "/api/services/pad/bookings/ZZZZZ/attendance", "{\"status\": \"attended\"}", status(404)),
            staff("GET", "/api/services/pad/rules", null, status(200)),
            staff("POST", "/api/services/pad/rules", "{}", status(400)),
            staff("DELETE", "/api/services/pad/rules/r999999", null, status(404)),
            staff("GET", "/api/services/pad/exceptions", null, status(200)),
            staff("POST", "/api/services/pad/exceptions", "{}", status(400)),
            staff("DELETE", "/api/services/pad/exceptions/x999999", null, status(404)),
            adminOnly("GET", "/api/services/pad/calendar", null, status(200)),
            // The team: admins only.
            adminOnly("GET", "/api/team/mediators", null, status(200)),
            adminOnly("GET", "/api/team/mediators/amina", null, status(200)),
            adminOnly("POST", "/api/team/mediators", "{}", status(400)),
            adminOnly("PUT", "/api/team/mediators/nobody", "{}", status(404)),
            adminOnly("PUT", "/api/team/mediators/nobody/password", "{\"password\": \"long-enough-password\"}",
                    status(404)),
            adminOnly("DELETE", "/api/team/mediators/nobody", null, status(404)),
            adminOnly("GET", "/api/team/hours", null, THROUGH),
            adminOnly("PUT", "/api/team/hours", "{}", THROUGH),
            // The inbox: mediators and admins.
            staff("GET", "/api/inbox/conversations", null, THROUGH),
            staff("GET", "/api/inbox/conversations/c-unknown", null, THROUGH),
            staff("POST", "/api/inbox/conversations/c-unknown/claim", null, THROUGH),
            staff("POST", "/api/inbox/conversations/c-unknown/messages", "{\"text\": \"hello\"}", THROUGH),
            staff("POST", "/api/inbox/conversations/c-unknown/release", null, THROUGH),
            staff("POST", "/api/inbox/conversations/c-unknown/transfer", "{\"to\": \"admin\"}", THROUGH),
            staff("POST", "/api/inbox/conversations/c-unknown/close", null, THROUGH),
            // Anything else under /api is for admins until it says otherwise.
            adminOnly("GET", "/api/not-yet-there", null, status(404)),
            // Health and metrics for the probes and the scraper.
            open("GET", "/actuator/health", null, status(200)),
            open("GET", "/actuator/prometheus", null, status(200)));

    static final List<Row> PAGES = List.of(
            Row.of("GET", "/inbox", null, LOGIN, THROUGH, THROUGH),
            Row.of("GET", "/inbox/conversations/c-unknown", null, LOGIN, THROUGH, THROUGH),
            Row.of("GET", "/admin", null, LOGIN, FORBIDDEN, THROUGH),
            Row.of("GET", "/admin/content", null, LOGIN, FORBIDDEN, THROUGH),
            Row.of("GET", "/v3/api-docs", null, LOGIN, FORBIDDEN, THROUGH),
            // The person's side and the sign-in page need no account.
            open("GET", "/chat", null, status(200)),
            open("GET", "/login", null, status(200)),
            open("GET", "/calendar/pad/not-the-token.ics", null, status(404)));

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
        return API.stream().flatMap(row -> row.expected().entrySet().stream().map(entry ->
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
        return PAGES.stream().flatMap(row -> row.expected().entrySet().stream().map(entry ->
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
                    boolean named = API.stream().anyMatch(row -> row.method().equals(method.name())
                            && parser.parse(pattern.getPatternString()).matches(PathContainer.parsePath(row.pathOnly())));
                    if (!named) {
                        missing.add(method + " " + pattern.getPatternString());
                    }
                })));
        assertThat(missing).as("endpoints without a row in the security matrix").isEmpty();
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
        assertThat(THROUGH.matches(browser.get("/inbox"))).isTrue();
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
        assertThat(THROUGH.matches(browser.postForm("/inbox/conversations/c-unknown/claim", Map.of("_csrf", token))))
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
