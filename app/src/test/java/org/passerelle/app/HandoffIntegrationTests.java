package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.core.conversation.MediatorDesk;
import org.passerelle.core.handoff.HandoffState;
import org.passerelle.core.handoff.InboxItem;
import org.passerelle.core.handoff.Mediator;
import org.passerelle.core.handoff.TeamHoursStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The handoff in the running application: the team's hours API, and a mediator on the web chat. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.admin.bootstrap-username=admin",
        "passerelle.admin.bootstrap-password=a-long-test-password",
        "passerelle.handoff.default-team-hours=MON-FRI 09:00-17:00"})
class HandoffIntegrationTests {

    private static final Mediator AWA = new Mediator("awa", "Awa", Set.of(), Set.of());

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("passerelle-handoff-test");
        registry.add("passerelle.data-dir", dir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    MediatorDesk desk;

    @Autowired
    TeamHoursStore hours;

    @Autowired
    ContentCatalog content;

    WebChatClient client;

    @BeforeEach
    void client() {
        client = new WebChatClient(port);
    }

    @Test
    void teamHoursAreShownAndReplacedBehindTheAdminLogin() {
        assertThat(client.call("GET", "/api/team/hours", null, null).statusCode()).isEqualTo(401);
        var shown = WebChatClient.json(client.admin("GET", "/api/team/hours", null).body());
        assertThat(shown.get("zone").asString()).isEqualTo("Europe/Paris");
        assertThat(shown.get("windows").size()).isEqualTo(5);
        assertThat(shown.get("windows").get(0).get("start").asString()).isEqualTo("09:00");

        var saved = client.admin("PUT", "/api/team/hours",
                "{\"windows\": [{\"day\": \"SAT\", \"start\": \"14:00\", \"end\": \"17:00\"}]}");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(WebChatClient.json(saved.body()).get("windows").get(0).get("day").asString()).isEqualTo("SATURDAY");
        assertThat(hours.current().format()).isEqualTo("SAT 14:00-17:00");
        // The exact opening depends on today; the controller's tests pin it with a fixed clock.
        var after = WebChatClient.json(client.admin("GET", "/api/team/hours", null).body());
        assertThat(after.get("nextOpening").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*\\+0[12]:00");
        assertThat(after.get("openNow").isBoolean()).isTrue();

        var bad = client.admin("PUT", "/api/team/hours",
                "{\"windows\": [{\"day\": \"MON\", \"start\": \"18:00\", \"end\": \"10:00\"}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(WebChatClient.json(bad.body()).get("field").asString()).isEqualTo("windows[0].end");
        assertThat(client.admin("PUT", "/api/team/hours", "{\"windows\": ").statusCode()).isEqualTo(400);
        assertThat(client.admin("PUT", "/api/team/hours", "{}").statusCode()).isEqualTo(400);
        assertThat(hours.current().format()).isEqualTo("SAT 14:00-17:00");
    }

    @Test
    void aMediatorTalksWithAWebChatUserOnHerEventStream() throws Exception {
        client.say("start");
        client.say("lang:fr");
        client.say("human");
        var id = desk.waiting(AWA).stream().map(InboxItem::conversationId).toList();
        assertThat(id).hasSize(1);
        var conversation = id.get(0);
        assertThat(desk.find(conversation)).map(InboxItem::state).contains(HandoffState.WAITING);

        var stream = client.http().send(HttpRequest.newBuilder(URI.create(client.base()
                        + "/webchat/api/conversations/" + client.conversationId() + "/events"))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        var reader = Executors.newSingleThreadExecutor();
        try (var lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            var received = reader.submit(() -> replies(lines, 2));
            desk.claim(conversation, AWA);
            desk.send(conversation, "awa", "Bonjour, je suis Awa. Je vous lis.");
            var texts = received.get(10, TimeUnit.SECONDS);
            assertThat(texts).hasSize(2);
            assertThat(texts.get(0)).contains(content.ui(Language.FR, "handoff.claimed"));
            assertThat(texts.get(1)).contains("Bonjour, je suis Awa. Je vous lis.");
        } finally {
            reader.shutdownNow();
        }
        assertThat(client.say("merci").get("replies").size()).isZero();
        var danger = client.say("au secours il me frappe");
        assertThat(danger.get("replies").get(0).get("text").asString()).contains("17", "112", "114");
        desk.close(conversation, "awa");
        assertThat(desk.find(conversation)).isEmpty();
    }

    private static List<String> replies(BufferedReader lines, int wanted) throws IOException {
        var texts = new ArrayList<String>();
        String line;
        String name = null;
        while (texts.size() < wanted && (line = lines.readLine()) != null) {
            if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:") && "reply".equals(name)) {
                texts.add(line.substring(5).strip());
            }
        }
        return texts;
    }
}
