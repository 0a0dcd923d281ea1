package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.content.TopicText;
import org.passerelle.core.content.ContentEditor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The content editor's pages over real HTTP, signed in through the login form: the grid of
 * statuses, a draft refused with its problems next to the fields, the live SMS preview, a
 * publish with a note that the chat follows, a conflict explained, and a rollback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.admin.bootstrap-username=admin",
        "passerelle.admin.bootstrap-password=a-long-test-password"})
class AdminContentPagesIntegrationTests {

    private static final String TOPIC = "shelter";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("passerelle-content-pages-test");
        registry.add("passerelle.data-dir", dir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    ContentEditor editor;

    StaffBrowser admin;

    @BeforeEach
    void signIn() {
        editor.drafts().forEach(d -> editor.discardDraft(d.topicId(), d.language()));
        admin = new StaffBrowser(port);
        assertThat(admin.signIn("admin", WebChatClient.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
    }

    private TopicText published(Language language) {
        return editor.catalog(editor.currentVersion()).topic(TOPIC).orElseThrow().in(language).orElseThrow();
    }

    private Map<String, String> form(TopicText text, String action) {
        var form = new LinkedHashMap<String, String>();
        form.put("_csrf", admin.csrfToken());
        form.put("title", text.title());
        form.put("text", text.text());
        form.put("sms", text.sms());
        form.put("phrases", String.join("\r\n", text.phrases()));
        form.put("action", action);
        return form;
    }

    @Test
    void gridShowsEachLanguagesStatusAndMarksPendingDrafts() {
        var grid = admin.get("/admin/content");
        assertThat(grid.statusCode()).isEqualTo(200);
        assertThat(grid.body()).contains("<html lang=\"fr\"", "Contenus", "id=\"topic-" + TOPIC + "\"",
                "href=\"/admin/content/" + TOPIC + "/zh\"", "À relire seulement")
                .doesNotContain("brouillon en attente</span></span>");
        var status = published(Language.EN).status().yamlName();
        assertThat(grid.body()).contains("data-status=\"" + (status.equals("reviewed") ? "ok" : status) + "\"");

        var en = published(Language.EN);
        assertThat(admin.postForm("/admin/content/" + TOPIC + "/en", form(en, "review")).statusCode()).isEqualTo(302);
        var pending = admin.get("/admin/content?show=pending").body();
        assertThat(pending).contains("id=\"topic-" + TOPIC + "\"", "class=\"pending-mark\"")
                .doesNotContain("id=\"topic-health\"");
        assertThat(admin.get("/admin/content?show=pending&lang=en").body()).contains("Pending drafts", "reviewed");
    }

    @Test
    void savingAnInvalidDraftShowsEachProblemNextToItsFieldAndKeepsWhatWasTyped() {
        var en = published(Language.EN);
        var broken = new TopicText(en.status(), " ", en.text() + " Ask at {service:no.such.place}.",
                "Très long : " + "ê".repeat(150), en.phrases());
        var refused = admin.postForm("/admin/content/" + TOPIC + "/en", form(broken, "save"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("id=\"title-error\"", "À remplir.")
                .contains("id=\"text-error\"", "La référence {service:no.such.place} n’existe pas dans l’annuaire.")
                .contains("id=\"sms-error\"", "Trop long : 3 SMS en UCS-2, 2 au plus.")
                .contains("aria-invalid=\"true\"", "Ask at {service:no.such.place}.");
        assertThat(editor.drafts()).isEmpty();

        var few = new TopicText(en.status(), en.title(), en.text(), en.sms(), en.phrases().subList(0, 3));
        var phrases = admin.postForm("/admin/content/" + TOPIC + "/en", form(few, "save"));
        assertThat(phrases.statusCode()).isEqualTo(422);
        assertThat(phrases.body()).contains("id=\"phrases-error\"", "3 phrases, at least");
        // Without its token the form is refused before anything is read.
        var forged = form(en, "save");
        forged.remove("_csrf");
        assertThat(admin.postForm("/admin/content/" + TOPIC + "/en", forged).statusCode()).isEqualTo(403);
        assertThat(admin.get("/admin/content/" + TOPIC + "/xx").statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/content/no_such_topic/en").statusCode()).isEqualTo(404);
    }

    @Test
    void editPageShowsTheFrenchSourceBesideATranslationAndThePreviewCountsTheResolvedSms() {
        var page = admin.get("/admin/content/" + TOPIC + "/ro");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Texte source en français", published(Language.FR).title()
                .replace("'", "&#39;"), "id=\"sms-segments\"", "/staff/content.js");
        assertThat(admin.get("/staff/content.js").statusCode()).isEqualTo(200);

        var gsm = WebChatClient.json(admin.get(preview("en", "Call {service:number.shelter} now")).body());
        assertThat(gsm.get("encoding").asString()).isEqualTo("GSM-7");
        assertThat(gsm.get("text").asString()).isEqualTo("Call 115 now");
        assertThat(gsm.get("segments").asInt()).isEqualTo(1);
        assertThat(gsm.get("left").asInt()).isEqualTo(160 - "Call 115 now".length());

        var ucs2 = WebChatClient.json(admin.get(preview("fr", "Vous êtes " + "a".repeat(70))).body());
        assertThat(ucs2.get("encoding").asString()).isEqualTo("UCS-2");
        assertThat(ucs2.get("segments").asInt()).isEqualTo(2);
        assertThat(ucs2.get("nonGsm7").toString()).isEqualTo("[\"ê\"]");
        assertThat(ucs2.at("/parts/1/ucs2").asBoolean()).isTrue();
        assertThat(admin.get(preview("xx", "hello")).statusCode()).isEqualTo(404);
    }

    @Test
    void publishesWithANoteThenRollsBackAndTheChatFollowsEachTime() {
        int base = editor.currentVersion();
        var en = published(Language.EN);
        var added = "Extra line for the test of publishing.";
        var edited = new TopicText(en.status(), en.title(), en.text() + "\n\n" + added, en.sms(), en.phrases());
        assertThat(admin.postForm("/admin/content/" + TOPIC + "/en", form(edited, "save")).statusCode()).isEqualTo(302);
        var list = admin.get("/admin/content/publish").body();
        assertThat(list).contains("id=\"pending-drafts\"", "name=\"baseVersion\" value=\"" + base + "\"");

        var noNote = admin.postForm("/admin/content/publish", Map.of("_csrf", admin.csrfToken(),
                "baseVersion", Integer.toString(base), "note", " "));
        assertThat(noNote.statusCode()).isEqualTo(422);
        assertThat(editor.currentVersion()).isEqualTo(base);

        var published = admin.postForm("/admin/content/publish", Map.of("_csrf", admin.csrfToken(),
                "baseVersion", Integer.toString(base), "note", "shelter: one more line"));
        assertThat(published.statusCode()).isEqualTo(302);
        assertThat(published.headers().firstValue("Location").orElseThrow()).endsWith("/admin/content/history");
        assertThat(editor.currentVersion()).isEqualTo(base + 1);
        assertThat(admin.get("/admin/content/history").body()).contains("Publié : le bot répond maintenant",
                "shelter: one more line", "id=\"version-" + (base + 1) + "\"");
        assertThat(chatTopicText()).contains(added);

        var diff = admin.get("/admin/content/history/" + (base + 1)).body();
        assertThat(diff).contains("Changements par rapport à la version " + base, "<code>text</code>",
                "<tr class=\"added\">", added).doesNotContain("id=\"rollback-form\"");

        var page = admin.get("/admin/content/history/" + base).body();
        assertThat(page).contains("id=\"rollback-form\"");
        var unconfirmed = admin.postForm("/admin/content/history/" + base + "/rollback", Map.of(
                "_csrf", admin.csrfToken(), "baseVersion", Integer.toString(base + 1), "note", "undo"));
        assertThat(unconfirmed.statusCode()).isEqualTo(422);
        assertThat(unconfirmed.body()).contains("Cochez la case pour confirmer.");
        assertThat(editor.currentVersion()).isEqualTo(base + 1);

        var rolledBack = admin.postForm("/admin/content/history/" + base + "/rollback", Map.of(
                "_csrf", admin.csrfToken(), "baseVersion", Integer.toString(base + 1), "note", "undo",
                "confirm", "yes"));
        assertThat(rolledBack.statusCode()).isEqualTo(302);
        assertThat(editor.currentVersion()).isEqualTo(base + 2);
        assertThat(editor.history().get(0).kind()).isEqualTo("rollback");
        assertThat(chatTopicText()).doesNotContain(added);
    }

    @Test
    void aPublishOverAVersionSomeoneElsePublishedIsRefusedAndExplained() {
        int base = editor.currentVersion();
        var en = published(Language.EN);
        editor.saveDraft(TOPIC, Language.EN, new TopicText(en.status(), en.title() + " ·", en.text(), en.sms(),
                en.phrases()), "colleague");
        editor.publish(base, "colleague", "her own change");
        editor.saveDraft(TOPIC, Language.EN, en, "admin");

        var refused = admin.postForm("/admin/content/publish", Map.of("_csrf", admin.csrfToken(),
                "baseVersion", Integer.toString(base), "note", "mine"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("id=\"publish-conflict\"",
                "quelqu’un d’autre a publié la version " + (base + 1), "colleague", "her own change",
                "Vos brouillons sont conservés", "name=\"baseVersion\" value=\"" + (base + 1) + "\"");
        assertThat(editor.currentVersion()).isEqualTo(base + 1);
        assertThat(editor.drafts()).hasSize(1);
    }

    private String preview(String language, String sms) {
        return "/admin/content/preview?language=" + language + "&sms=" + URLEncoder.encode(sms, StandardCharsets.UTF_8);
    }

    /** What she reads on the web chat in English after choosing the topic from the list. */
    private String chatTopicText() {
        var she = new WebChatClient(port);
        she.say("start");
        she.say("lang:en");
        she.say("topics");
        var answer = she.say("topic:" + TOPIC);
        var texts = new StringBuilder();
        answer.get("replies").forEach(reply -> texts.append(reply.get("text").asString()).append('\n'));
        return texts.toString();
    }
}
