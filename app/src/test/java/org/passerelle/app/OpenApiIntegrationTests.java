package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The staff API's OpenAPI description: served to admins, by HTTP Basic or with their page
 * session, refused to mediators and to anonymous callers; it lists the staff's routes, tagged by
 * feature, and none of the person's side.
 */
class OpenApiIntegrationTests extends InboxTestSupport {

    @Test
    void anAdminReadsTheDescriptionOfTheStaffApi() {
        var answer = staff.admin("GET", "/v3/api-docs", null);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var doc = WebChatClient.json(answer.body());
        assertThat(doc.get("info").get("title").asString()).isEqualTo("Passerelle staff API");
        assertThat(doc.get("info").get("version").asString()).isNotBlank();
        assertThat(doc.get("components").get("securitySchemes").get("basic").get("scheme").asString())
                .isEqualTo("basic");
        var paths = new ArrayList<String>();
        doc.get("paths").propertyNames().forEach(paths::add);
        assertThat(paths).contains("/api/inbox/conversations", "/api/inbox/conversations/{id}/claim",
                "/api/services", "/api/services/{id}/slots", "/api/content", "/api/team/mediators", "/api/stats",
                "/api/audit");
        assertThat(paths).allSatisfy(path -> assertThat(path).startsWith("/api/"));
        assertThat(answer.body()).doesNotContain("/webchat", "/connectors", "\"/chat\"", "\"/inbox", "\"/login");
        var tags = new ArrayList<String>();
        doc.get("tags").forEach(tag -> tags.add(tag.get("name").asString()));
        assertThat(tags).containsExactly("content", "services", "inbox", "team", "stats", "audit");
        assertThat(tagsOf(doc.get("paths").get("/api/inbox/conversations").get("get"))).containsExactly("inbox");
        assertThat(tagsOf(doc.get("paths").get("/api/services").get("get"))).containsExactly("services");
    }

    @Test
    void anAdminsPageSessionOpensTheSwaggerUi() {
        var browser = signedIn();

        assertThat(browser.get("/v3/api-docs").statusCode()).isEqualTo(200);
        var ui = browser.get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
    }

    @Test
    void aMediatorOrAnAnonymousCallerIsRefused() {
        mediator("nadia", "ro");
        var anonymous = new StaffBrowser(port);

        assertThat(as("nadia", "GET", "/v3/api-docs", null).statusCode()).isEqualTo(403);
        assertThat(as("nadia", "GET", "/swagger-ui/index.html", null).statusCode()).isEqualTo(403);
        assertThat(anonymous.basic("GET", "/v3/api-docs", null, null, null).statusCode()).isEqualTo(401);
        var ui = anonymous.get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(302);
        assertThat(ui.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    private static List<String> tagsOf(JsonNode operation) {
        var tags = new ArrayList<String>();
        operation.get("tags").forEach(tag -> tags.add(tag.asString()));
        return tags;
    }
}
