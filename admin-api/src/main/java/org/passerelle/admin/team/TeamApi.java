package org.passerelle.admin.team;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.passerelle.content.Language;
import org.passerelle.core.handoff.Skill;
import org.passerelle.core.handoff.StaffAccount;
import org.passerelle.core.handoff.StaffRole;

/** The JSON shapes of the staff accounts' API; roles and skills in lower case, languages by code. */
final class TeamApi {

    private TeamApi() {
    }

    /** An account as admins see it: never its password or hash. */
    record AccountJson(String username, String displayName, String role, List<String> languages,
            List<String> skills) {

        static AccountJson of(StaffAccount account) {
            return new AccountJson(account.username(), account.displayName(), lower(account.role()),
                    account.languages().stream().map(Language::code).toList(),
                    account.skills().stream().map(TeamApi::lower).toList());
        }
    }

    /** A new account; a missing role means mediator, missing languages mean all. */
    record CreateRequest(String username, String displayName, String password, String role,
            List<String> languages, List<String> skills) {

        @Override
        public String toString() {
            return "CreateRequest[username=" + username + ", role=" + role + "]";
        }
    }

    /** A profile change; each field left out keeps its value, an empty language list means all. */
    record ProfileRequest(String displayName, String role, List<String> languages, List<String> skills) {
    }

    /** A new password. */
    record PasswordRequest(String password) {

        @Override
        public String toString() {
            return "PasswordRequest[hidden]";
        }
    }

    static void requireUsername(String username) {
        if (!StaffAccount.validUsername(username)) {
            throw new IllegalArgumentException("username must be 1 to " + StaffAccount.MAX_USERNAME_LENGTH
                    + " of a-z, 0-9, '.', '_' or '-', starting with a letter or a digit");
        }
    }

    static StaffRole role(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("role is required: admin or mediator");
        }
        try {
            return StaffRole.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("role must be admin or mediator, was " + value);
        }
    }

    static Set<Language> languages(Collection<String> codes) {
        var languages = EnumSet.noneOf(Language.class);
        for (var code : codes) {
            languages.add(Language.fromCode(code).orElseThrow(() ->
                    new IllegalArgumentException("languages: unknown language '" + code + "'")));
        }
        return languages;
    }

    static Set<Skill> skills(Collection<String> names) {
        var skills = EnumSet.noneOf(Skill.class);
        for (var name : names) {
            try {
                skills.add(Skill.valueOf(String.valueOf(name).strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("skills: unknown skill '" + name + "', known: "
                        + EnumSet.allOf(Skill.class).stream().map(TeamApi::lower).toList());
            }
        }
        return skills;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
