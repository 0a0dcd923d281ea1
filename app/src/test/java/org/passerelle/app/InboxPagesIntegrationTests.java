package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The inbox pages over real HTTP, signed in through the login form: French or English, a page
 * action only with its CSRF token, and the event stream that tells open pages of a change.
 */
class InboxPagesIntegrationTests extends InboxTestSupport {

    @Test
    void showsTheWaitingConversationInFrenchByDefaultAndInEnglishOnRequest() {
        var id = asksForAHuman();
        var browser = signedIn();
        var french = browser.get("/inbox");
        assertThat(french.statusCode()).isEqualTo(200);
        assertThat(french.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(french.body()).contains("<html lang=\"fr\"", "Boîte de réception", "#" + id.substring(0, 8))
                .doesNotContain(she.conversationId());
        // Everything the page loads comes from the application itself.
        assertThat(french.body()).doesNotContain("https://", "http://");
        assertThat(staff.get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(staff.get("/staff/inbox.js").statusCode()).isEqualTo(200);

        assertThat(browser.get("/inbox?lang=en").body()).contains("<html lang=\"en\"", "My conversations");
        // The choice is remembered in a cookie; a language the pages are not written in means French.
        assertThat(browser.get("/inbox").body()).contains("My conversations");
        assertThat(browser.get("/inbox?lang=de").body()).contains("Boîte de réception");
        assertThat(browser.get("/login?lang=en").body()).contains("Sign in");
    }

    @Test
    void takesAConversationFromThePageOnlyWithItsCsrfToken() {
        var id = asksForAHuman();
        var browser = signedIn();
        var forged = browser.postForm("/inbox/conversations/" + id + "/claim", Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(inboxItem(id).get("state").asString()).isEqualTo("WAITING");

        var taken = browser.postForm("/inbox/conversations/" + id + "/claim", Map.of("_csrf", browser.csrfToken()));
        assertThat(taken.statusCode()).isEqualTo(302);
        assertThat(taken.headers().firstValue("Location").orElseThrow()).endsWith("/inbox/conversations/" + id);
        assertThat(inboxItem(id).get("state").asString()).isEqualTo("WITH_MEDIATOR");
        var page = browser.get("/inbox/conversations/" + id);
        assertThat(page.body()).contains("id=\"reply-text\"", "Réponses rapides");
    }

    @Test
    void tellsOpenPagesWhenSomeoneNewAsks() throws Exception {
        var browser = signedIn();
        var request = HttpRequest.newBuilder(URI.create(staff.base() + "/inbox/events"))
                .header("Accept", "text/event-stream")
                .header("Cookie", "JSESSIONID=" + browser.sessionId())
                .GET().build();
        var stream = staff.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        var reader = Executors.newSingleThreadExecutor();
        try (var lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            var changed = reader.submit(() -> {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.equals("event:changed")) {
                        return true;
                    }
                }
                return false;
            });
            // Give the poller a first look at the version before the change.
            Thread.sleep(1500);
            asksForAHuman();
            assertThat(changed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } finally {
            reader.shutdownNow();
        }
    }
}
