package org.passerelle.admin.team;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.passerelle.admin.security.PasswordPolicy;
import org.passerelle.content.Language;
import org.passerelle.core.handoff.Skill;
import org.passerelle.core.handoff.StaffAccount;
import org.passerelle.core.handoff.StaffRole;

/**
 * What the team page's account forms send, and their checks: each refused field with the
 * message key that explains it. The password never appears in {@link #toString()}.
 *
 * @param languages language codes; none means all
 * @param skills    skill names, such as {@code MINORS}
 */
record AccountForm(String username, String displayName, String role, List<String> languages, List<String> skills,
        String password, String confirmation) {

    AccountForm {
        username = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        displayName = displayName == null ? "" : displayName.strip();
        role = role == null || role.isBlank() ? "MEDIATOR" : role.strip().toUpperCase(Locale.ROOT);
        languages = languages == null ? List.of() : List.copyOf(languages);
        skills = skills == null ? List.of() : List.copyOf(skills);
    }

    static AccountForm empty() {
        return new AccountForm("", "", "MEDIATOR", List.of(), List.of(), null, null);
    }

    static AccountForm of(StaffAccount account) {
        return new AccountForm(account.username(), account.displayName(), account.role().name(),
                account.languages().stream().map(Language::code).toList(),
                account.skills().stream().map(Skill::name).toList(), null, null);
    }

    /** The same fields without the passwords, to show the form again. */
    AccountForm withoutPasswords() {
        return new AccountForm(username, displayName, role, languages, skills, null, null);
    }

    /** The refused fields of a new account, each with its message key. */
    Map<String, String> newAccountProblems() {
        var errors = new LinkedHashMap<String, String>();
        if (!StaffAccount.validUsername(username)) {
            errors.put("username", "team.error.username");
        }
        errors.putAll(profileProblems());
        errors.putAll(passwordProblems(username, password, confirmation));
        return errors;
    }

    /** The refused fields of a profile. */
    Map<String, String> profileProblems() {
        var errors = new LinkedHashMap<String, String>();
        if (displayName.isEmpty()) {
            errors.put("displayName", "team.error.displayName.required");
        } else if (displayName.codePointCount(0, displayName.length()) > StaffAccount.MAX_DISPLAY_NAME_LENGTH
                || displayName.codePoints().anyMatch(Character::isISOControl)) {
            errors.put("displayName", "team.error.displayName.invalid");
        }
        if (parsedRole() == null) {
            errors.put("role", "team.error.role");
        }
        if (languages.stream().anyMatch(code -> Language.fromCode(code).isEmpty())) {
            errors.put("languages", "team.error.languages");
        }
        if (skills.stream().anyMatch(name -> skill(name) == null)) {
            errors.put("skills", "team.error.skills");
        }
        return errors;
    }

    /** The refused fields of a new password given twice. */
    static Map<String, String> passwordProblems(String username, String password, String confirmation) {
        var errors = new LinkedHashMap<String, String>();
        PasswordPolicy.problem(username, password).ifPresent(p -> errors.put("password", p.messageKey()));
        if (password != null && !password.isEmpty() && !password.equals(confirmation)) {
            errors.put("confirmation", "team.error.confirmation");
        }
        return errors;
    }

    /** The account these fields describe; call only when there are no problems. */
    StaffAccount toAccount(String passwordHash) {
        var chosenLanguages = EnumSet.noneOf(Language.class);
        languages.forEach(code -> chosenLanguages.add(Language.fromCode(code).orElseThrow()));
        var chosenSkills = EnumSet.noneOf(Skill.class);
        skills.forEach(name -> chosenSkills.add(skill(name)));
        return new StaffAccount(username, displayName, parsedRole(), passwordHash, chosenLanguages, chosenSkills);
    }

    private StaffRole parsedRole() {
        for (var value : StaffRole.values()) {
            if (value.name().equals(role)) {
                return value;
            }
        }
        return null;
    }

    private static Skill skill(String name) {
        for (var value : Skill.values()) {
            if (value.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return value;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "AccountForm[username=" + username + ", role=" + role + "]";
    }

    /** The choices the forms offer. */
    static Set<Skill> allSkills() {
        return EnumSet.allOf(Skill.class);
    }
}
