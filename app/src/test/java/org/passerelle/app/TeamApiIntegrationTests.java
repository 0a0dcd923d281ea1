package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.core.handoff.Mediator;
import org.passerelle.core.handoff.Skill;
import org.passerelle.core.handoff.StaffAccount;
import org.passerelle.core.handoff.StaffRole;
import org.passerelle.core.handoff.Team;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Admins manage the staff accounts over real HTTP, and the accounts sign in at once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.admin.bootstrap-username=admin",
        "passerelle.admin.bootstrap-password=" + TeamApiIntegrationTests.ADMIN_PASSWORD,
        "passerelle.admin.max-failed-sign-ins=3"})
class TeamApiIntegrationTests {

    static final String ADMIN_PASSWORD = "a-long-test-password";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("passerelle-team-api-test");
        registry.add("passerelle.data-dir", dir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    Team team;

    StaffBrowser staff;

    @BeforeEach
    void browser() {
        staff = new StaffBrowser(port);
    }

    private HttpResponse<String> admin(String method, String path, String json) {
        return staff.basic(method, path, json, "admin", ADMIN_PASSWORD);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return WebChatClient.json(response.body());
    }

    private static String account(String username, String password) {
        return """
                {"username": "%s", "displayName": "Nadia R.", "password": "%s",
                 "languages": ["ar", "FR"], "skills": ["minors"]}
                """.formatted(username, password);
    }

    @Test
    void anAdminCreatesAMediatorWhoSignsInAndIsMatchedByHerLanguagesAndSkills() {
        var created = admin("POST", "/api/team/mediators", account("nadia", "nadia-first-password"));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/api/team/mediators/nadia");
        assertThat(json(created).get("role").asString()).isEqualTo("mediator");
        assertThat(json(created).get("languages").toString()).isEqualTo("[\"fr\",\"ar\"]");
        assertThat(json(created).get("skills").toString()).isEqualTo("[\"minors\"]");
        assertThat(team.find("nadia").orElseThrow().mediator()).isEqualTo(
                new Mediator("nadia", "Nadia R.", Set.of(Language.AR, Language.FR), Set.of(Skill.MINORS)));

        assertThat(staff.basic("GET", "/api/services", null, "nadia", "nadia-first-password").statusCode()).isEqualTo(200);
        var list = admin("GET", "/api/team/mediators", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"username\":\"nadia\"", "\"username\":\"admin\"")
                .doesNotContain("password", "bcrypt", "$2");
    }

    @Test
    void aTakenUsernameIsAConflictAndTheFirstAccountStays() {
        admin("POST", "/api/team/mediators", account("sara", "sara-first-password"));

        var again = admin("POST", "/api/team/mediators", account("sara", "another-password-x"));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("field").asString()).isEqualTo("username");
        assertThat(staff.basic("GET", "/api/services", null, "sara", "sara-first-password").statusCode()).isEqualTo(200);
        assertThat(staff.basic("GET", "/api/services", null, "sara", "another-password-x").statusCode()).isEqualTo(401);
    }

    @Test
    void eachRefusedFieldIsABadRequestNamingIt() {
        assertThat(refusedField("{\"username\": \"Bad Name\", \"displayName\": \"X\", \"password\": \"long-enough-pass\"}"))
                .isEqualTo("username");
        assertThat(refusedField("{\"username\": \"x1\", \"displayName\": \"X\", \"password\": \"short\"}"))
                .isEqualTo("password");
        assertThat(refusedField("{\"username\": \"x1\", \"displayName\": \"X\", \"password\": \"" + "p".repeat(73) + "\"}"))
                .isEqualTo("password");
        assertThat(refusedField("{\"username\": \"x1\", \"displayName\": \" \", \"password\": \"long-enough-pass\"}"))
                .isEqualTo("displayName");
        assertThat(refusedField("{\"username\": \"x1\", \"displayName\": \"X\", \"password\": \"long-enough-pass\", "
                + "\"role\": \"boss\"}")).isEqualTo("role");
        assertThat(refusedField("{\"username\": \"x1\", \"displayName\": \"X\", \"password\": \"long-enough-pass\", "
                + "\"languages\": [\"xx\"]}")).isEqualTo("languages");
        assertThat(refusedField("{\"username\": \"x1\", \"displayName\": \"X\", \"password\": \"long-enough-pass\", "
                + "\"skills\": [\"juggling\"]}")).isEqualTo("skills");
        assertThat(admin("POST", "/api/team/mediators", "{not json").statusCode()).isEqualTo(400);
        assertThat(team.find("x1")).isEmpty();
    }

    @Test
    void changingTheProfileKeepsWhatIsLeftOutAndTheRoleDecidesAccess() {
        admin("POST", "/api/team/mediators", account("ines", "ines-first-password"));
        assertThat(staff.basic("GET", "/api/content", null, "ines", "ines-first-password").statusCode()).isEqualTo(403);

        var changed = admin("PUT", "/api/team/mediators/ines", "{\"role\": \"admin\", \"languages\": []}");

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json(changed).get("displayName").asString()).isEqualTo("Nadia R.");
        assertThat(json(changed).get("languages").size()).isZero();
        assertThat(json(changed).get("skills").toString()).isEqualTo("[\"minors\"]");
        assertThat(staff.basic("GET", "/api/content", null, "ines", "ines-first-password").statusCode()).isEqualTo(200);
        assertThat(admin("PUT", "/api/team/mediators/ines", "{\"displayName\": \"\"}").statusCode()).isEqualTo(400);
        assertThat(admin("PUT", "/api/team/mediators/ghost", "{\"displayName\": \"G\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void aNewPasswordReplacesTheOldOneAtOnce() {
        admin("POST", "/api/team/mediators", account("lina", "lina-first-password"));

        var set = admin("PUT", "/api/team/mediators/lina/password", "{\"password\": \"lina-second-password\"}");

        assertThat(set.statusCode()).isEqualTo(204);
        assertThat(staff.basic("GET", "/api/services", null, "lina", "lina-first-password").statusCode()).isEqualTo(401);
        assertThat(staff.basic("GET", "/api/services", null, "lina", "lina-second-password").statusCode()).isEqualTo(200);
        assertThat(admin("PUT", "/api/team/mediators/lina/password", "{\"password\": \"short\"}").statusCode())
                .isEqualTo(400);
        assertThat(admin("PUT", "/api/team/mediators/lina/password", "{\"password\": \"lina\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void aDeletedAccountCanNoLongerSignInButTheLastAdminStays() {
        admin("POST", "/api/team/mediators", account("maya", "maya-first-password"));

        assertThat(admin("DELETE", "/api/team/mediators/maya", null).statusCode()).isEqualTo(204);
        assertThat(admin("DELETE", "/api/team/mediators/maya", null).statusCode()).isEqualTo(404);
        assertThat(staff.basic("GET", "/api/services", null, "maya", "maya-first-password").statusCode()).isEqualTo(401);

        // Other tests may have made another admin: leave "admin" the only one.
        team.list().stream().filter(a -> a.isAdmin() && !a.username().equals("admin"))
                .forEach(a -> team.updateProfile(new StaffAccount(a.username(), a.displayName(), StaffRole.MEDIATOR,
                        a.passwordHash(), a.languages(), a.skills())));
        var last = admin("DELETE", "/api/team/mediators/admin", null);
        assertThat(last.statusCode()).isEqualTo(409);
        assertThat(json(last).get("detail").asString()).contains("last admin");
        assertThat(admin("PUT", "/api/team/mediators/admin", "{\"role\": \"mediator\"}").statusCode()).isEqualTo(409);
        assertThat(admin("GET", "/api/team/mediators/admin", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aSignedInSessionEndsWhenItsAccountIsDeletedDemotedOrGivenANewPassword() {
        admin("POST", "/api/team/mediators", account("rosa", "rosa-first-password"));
        var rosa = new StaffBrowser(port);
        rosa.signIn("rosa", "rosa-first-password");
        assertThat(rosa.json("GET", "/api/services", null, null).statusCode()).isEqualTo(200);

        admin("PUT", "/api/team/mediators/rosa/password", "{\"password\": \"rosa-second-password\"}");
        assertThat(rosa.json("GET", "/api/services", null, null).statusCode()).isEqualTo(401);

        rosa.signIn("rosa", "rosa-second-password");
        assertThat(rosa.get("/inbox").headers().firstValue("Location").orElse("")).doesNotEndWith("/login");
        admin("PUT", "/api/team/mediators/rosa", "{\"role\": \"admin\"}");
        assertThat(rosa.get("/inbox").headers().firstValue("Location").orElse("")).endsWith("/login");

        rosa.signIn("rosa", "rosa-second-password");
        assertThat(rosa.json("GET", "/api/content", null, null).statusCode()).isEqualTo(200);
        admin("PUT", "/api/team/mediators/rosa", "{\"role\": \"mediator\"}");
        admin("DELETE", "/api/team/mediators/rosa", null);
        assertThat(rosa.json("GET", "/api/services", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountUntilAnAdminSetsANewOne() {
        admin("POST", "/api/team/mediators", account("olga", "olga-first-password"));
        var form = new StaffBrowser(port);
        form.signIn("olga", "guess-number-one");
        staff.basic("GET", "/api/services", null, "olga", "guess-number-two");
        staff.basic("GET", "/api/services", null, "olga", "guess-number-three");

        assertThat(staff.basic("GET", "/api/services", null, "olga", "olga-first-password").statusCode()).isEqualTo(401);
        assertThat(form.signIn("olga", "olga-first-password").headers().firstValue("Location").orElseThrow())
                .endsWith("/login?error");
        // Someone else's account is not affected.
        assertThat(admin("GET", "/api/services", null).statusCode()).isEqualTo(200);

        admin("PUT", "/api/team/mediators/olga/password", "{\"password\": \"olga-second-password\"}");
        assertThat(staff.basic("GET", "/api/services", null, "olga", "olga-second-password").statusCode()).isEqualTo(200);
    }

    private String refusedField(String body) {
        var refused = admin("POST", "/api/team/mediators", body);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        return json(refused).get("field").asString();
    }
}
