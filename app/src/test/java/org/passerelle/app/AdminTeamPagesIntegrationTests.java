package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.core.handoff.SignInAttempts;
import org.passerelle.core.handoff.Skill;
import org.passerelle.core.handoff.StaffAccount;
import org.passerelle.core.handoff.StaffRole;
import org.passerelle.core.handoff.Team;
import org.passerelle.core.handoff.TeamHoursStore;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The team pages over real HTTP, as an admin signed in through the form: accounts created,
 * changed, unlocked and deleted, each refusal shown next to its field with nothing saved, the
 * last admin kept, and the team's hours.
 */
class AdminTeamPagesIntegrationTests extends InboxTestSupport {

    @Autowired
    Team team;

    @Autowired
    SignInAttempts attempts;

    @Autowired
    TeamHoursStore hours;

    private static Map<String, String> newAccount(String username, String csrf) {
        var form = new LinkedHashMap<String, String>();
        form.put("_csrf", csrf);
        form.put("username", username);
        form.put("displayName", "Leïla B.");
        form.put("role", "MEDIATOR");
        form.put("password", "une phrase de passe");
        form.put("confirmation", "une phrase de passe");
        return form;
    }

    @Test
    void createsAMediatorWithHerLanguagesAndSkillsAndSheCanSignIn() {
        var browser = signedIn();
        var page = browser.get("/admin/team");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"fr\"", "Équipe", "Nouveau compte", "Horaires de l’équipe",
                "/admin/team/accounts/admin");

        var form = newAccount("leila", browser.csrfToken());
        // Two boxes ticked; the binder reads a comma-separated value as it reads a repeated field.
        form.put("languages", "ar,fr");
        form.put("skills", "MINORS");
        var created = browser.postForm("/admin/team/accounts", form);

        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/admin/team");
        var account = team.find("leila").orElseThrow();
        assertThat(account.role()).isEqualTo(StaffRole.MEDIATOR);
        assertThat(account.displayName()).isEqualTo("Leïla B.");
        assertThat(account.languages()).containsExactlyInAnyOrder(Language.AR, Language.FR);
        assertThat(account.skills()).containsExactly(Skill.MINORS);
        assertThat(browser.get("/admin/team").body()).contains("Le compte a été créé", "Leïla B.", "Mineures");
        assertThat(new StaffBrowser(port).signIn("leila", "une phrase de passe").headers()
                .firstValue("Location").orElseThrow()).endsWith("/inbox");
    }

    @Test
    void refusesABadFormNextToEachFieldAndSavesNothing() {
        var browser = signedIn();
        var form = newAccount("Not Valid!", browser.csrfToken());
        form.put("password", "court");
        form.put("displayName", "");

        var refused = browser.postForm("/admin/team/accounts", form);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Rien n’a été enregistré",
                "id=\"username-error\"", "Le nom d’utilisateur doit faire de 1 à 32 caractères",
                "id=\"displayName-error\"", "Indiquez un nom affiché",
                "id=\"password-error\"", "au moins 12 caractères", "aria-invalid=\"true\"")
                .contains("value=\"not valid!\"").doesNotContain("value=\"court\"");
        assertThat(team.list()).noneMatch(a -> a.username().startsWith("not"));

        var taken = browser.postForm("/admin/team/accounts", newAccount("admin", browser.csrfToken()));
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.body()).contains("Ce nom d’utilisateur est déjà pris.");
    }

    @Test
    void keepsTheLastAdminAndSaysWhyInPlainWords() {
        assertThat(team.list().stream().filter(StaffAccount::isAdmin).map(StaffAccount::username))
                .as("this test needs admin to be the only admin").containsExactly("admin");
        var browser = signedIn();

        var demoted = browser.postForm("/admin/team/accounts/admin", Map.of("_csrf", browser.csrfToken(),
                "displayName", "Admin", "role", "MEDIATOR"));
        assertThat(demoted.statusCode()).isEqualTo(400);
        assertThat(demoted.body()).contains("C’est la dernière administratrice");

        var deleted = browser.postForm("/admin/team/accounts/admin/delete", Map.of("_csrf", browser.csrfToken(),
                "confirm", "yes"));
        assertThat(deleted.statusCode()).isEqualTo(409);
        assertThat(deleted.body()).contains("Nommez d’abord une autre administratrice");
        assertThat(team.find("admin").orElseThrow().role()).isEqualTo(StaffRole.ADMIN);
    }

    @Test
    void unlocksAnAccountAndSetsANewPasswordGivenTwice() {
        mediator("sofia", "ro");
        for (int i = 0; i < 10; i++) {
            attempts.failed("sofia");
        }
        var browser = signedIn();
        var page = browser.get("/admin/team/accounts/sofia");
        assertThat(page.body()).contains("Bloqué", "Débloquer le compte");

        var unlocked = browser.postForm("/admin/team/accounts/sofia/unlock", Map.of("_csrf", browser.csrfToken()));
        assertThat(unlocked.statusCode()).isEqualTo(302);
        assertThat(attempts.locked("sofia")).isFalse();
        assertThat(browser.get("/admin/team/accounts/sofia").body()).contains("Le compte est débloqué.")
                .doesNotContain("Débloquer le compte");

        var mismatch = browser.postForm("/admin/team/accounts/sofia/password", Map.of("_csrf", browser.csrfToken(),
                "password", "un nouveau secret", "confirmation", "un autre secret"));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body()).contains("id=\"confirmation-error\"", "ne sont pas identiques");

        var changed = browser.postForm("/admin/team/accounts/sofia/password", Map.of("_csrf", browser.csrfToken(),
                "password", "un nouveau secret", "confirmation", "un nouveau secret"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(new StaffBrowser(port).signIn("sofia", "un nouveau secret").headers().firstValue("Location")
                .orElseThrow()).endsWith("/inbox");
        assertThat(browser.get("/admin/team/accounts/nobody").statusCode()).isEqualTo(404);
    }

    @Test
    void deletesAnAccountOnlyOnceTheBoxIsTicked() {
        mediator("nadia", "bg");
        var browser = signedIn();

        var unconfirmed = browser.postForm("/admin/team/accounts/nadia/delete", Map.of("_csrf", browser.csrfToken()));
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("Cochez la case pour confirmer la suppression.");
        assertThat(team.find("nadia")).isPresent();

        var deleted = browser.postForm("/admin/team/accounts/nadia/delete", Map.of("_csrf", browser.csrfToken(),
                "confirm", "yes"));
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(team.find("nadia")).isEmpty();
        assertThat(browser.get("/admin/team").body()).contains("Le compte a été supprimé.");
    }

    @Test
    void savesTheTeamsHoursAndShowsAWrongTimeNextToItsField() {
        var before = hours.current();
        var browser = signedIn();
        try {
            var saved = browser.postForm("/admin/team/hours", Map.of("_csrf", browser.csrfToken(),
                    "MONDAY.0.start", "09:30", "MONDAY.0.end", "12:30", "THURSDAY.0.start", "14:00",
                    "THURSDAY.0.end", "18:00"));
            assertThat(saved.statusCode()).isEqualTo(302);
            assertThat(hours.current().format()).isEqualTo("MON 09:30-12:30, THU 14:00-18:00");
            assertThat(browser.get("/admin/team").body()).contains("value=\"09:30\"", "value=\"18:00\"",
                    "Les horaires de l’équipe ont été enregistrés.");

            var refused = browser.postForm("/admin/team/hours", Map.of("_csrf", browser.csrfToken(),
                    "MONDAY.0.start", "12:00", "MONDAY.0.end", "08:00"));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("id=\"MONDAY.0.end-error\"", "La fin doit venir après le début.");
            assertThat(hours.current().format()).isEqualTo("MON 09:30-12:30, THU 14:00-18:00");
        } finally {
            hours.save(before);
        }
    }
}
