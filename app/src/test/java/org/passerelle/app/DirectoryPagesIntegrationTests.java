package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The directory page over real HTTP, signed in through the login form: the entries grouped by
 * service with where they appear, a draft saved or refused next to its field, and publishing
 * with a note so that the chat gives the new value.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.admin.bootstrap-username=admin",
        "passerelle.admin.bootstrap-password=a-long-test-password"})
class DirectoryPagesIntegrationTests {

    private static final String PAGE = "/admin/content/directory";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("passerelle-directory-pages-test");
        registry.add("passerelle.data-dir", dir::toString);
    }

    @LocalServerPort
    int port;

    private StaffBrowser signedIn() {
        var browser = new StaffBrowser(port);
        assertThat(browser.signIn("admin", WebChatClient.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }

    private static Map<String, String> form(StaffBrowser browser, String value, boolean confirmed, String note) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("_csrf", browser.csrfToken());
        fields.put("value", value);
        if (confirmed) {
            fields.put("confirmed", "true");
        }
        fields.put("note", note);
        return fields;
    }

    @Test
    void showsTheEntriesByServiceWithWhereTheyAppearInFrenchAndEnglish() {
        var browser = signedIn();
        var page = browser.get(PAGE);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"fr\"", "Annuaire des services",
                "Point d’Accès au Droit du 18e", "Numéros d’urgence et d’aide",
                "id=\"entry-pad18.phone\"", "{service:pad18.phone}", "Non confirmée", "Avocat gratuit",
                "Téléphone : demandez à une médiatrice", "name=\"value-ar\"", "dir=\"rtl\"",
                "href=\"/admin/content\"", "inputmode=\"tel\"", "Téléphone du PAD du 18e")
                .doesNotContain("https://", "http://", "style=");
        assertThat(browser.get("/staff/directory.css").statusCode()).isEqualTo(200);
        assertThat(browser.get(PAGE + "?lang=en").body()).contains("<html lang=\"en\"", "Service directory",
                "Appears in:", "Save draft");
    }

    @Test
    void keepsARefusedValueWithTheProblemNextToItsField() {
        var browser = signedIn();
        var forged = browser.postForm(PAGE + "/number.women", Map.of("value", "3919"));
        assertThat(forged.statusCode()).isEqualTo(403);

        var refused = browser.postForm(PAGE + "/number.women", form(browser, "appelez le 39 19", true, ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("value=\"appelez le 39 19\"", "aria-invalid=\"true\"",
                "Ce n’est pas un numéro de téléphone");
        assertThat(browser.get(PAGE).body()).doesNotContain("appelez le 39 19");

        var taken = browser.postForm(PAGE, withKey(form(browser, "x", true, ""), "number.women"));
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.body()).contains("Cette clé existe déjà");
    }

    @Test
    void savesADraftThenPublishesItWithANoteAndTheChatGivesTheNumber() {
        var browser = signedIn();
        var saved = browser.postForm(PAGE + "/pad18.phone",
                form(browser, "01 53 41 86 60", true, "Téléphone du PAD du 18e"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(PAGE + "#entry-pad18.phone");
        var withDraft = browser.get(PAGE).body();
        assertThat(withDraft).contains("Brouillon enregistré", "Brouillon de admin",
                "Téléphone : 01 53 41 86 60");
        // The content's publish page lists it too, since a publish there takes it.
        assertThat(browser.get("/admin/content/publish").body()).contains("id=\"pending-entries\"",
                "<code>pad18.phone</code>", "Nouvelle valeur").doesNotContain("Aucun brouillon");

        var noNote = browser.postForm(PAGE + "/publish", Map.of("_csrf", browser.csrfToken(), "note", " "));
        assertThat(noNote.statusCode()).isEqualTo(302);
        assertThat(browser.get(PAGE).body()).contains("Écrivez une note");

        var she = new WebChatClient(port);
        she.say("start");
        she.say("lang:fr");
        assertThat(String.valueOf(she.say("je veux voir un avocat"))).doesNotContain("01 53 41 86 60");

        var published = browser.postForm(PAGE + "/publish", Map.of("_csrf", browser.csrfToken(),
                "baseVersion", "1", "note", "numéro du PAD"));
        assertThat(published.statusCode()).isEqualTo(302);
        var after = browser.get(PAGE).body();
        assertThat(after).contains("Publié", "Version 2 en vigueur, 0 brouillon(s)");
        assertThat(String.valueOf(she.say("je veux voir un avocat"))).contains("Téléphone : 01 53 41 86 60");

        var stale = browser.postForm(PAGE + "/publish", Map.of("_csrf", browser.csrfToken(),
                "baseVersion", "1", "note", "encore"));
        assertThat(stale.statusCode()).isEqualTo(302);
        assertThat(browser.get(PAGE).body()).contains("Rien n’a été enregistré");
    }

    private static Map<String, String> withKey(Map<String, String> fields, String key) {
        var copy = new LinkedHashMap<>(fields);
        copy.put("key", key);
        return copy;
    }
}
