package org.passerelle.core.handoff;

import java.util.Objects;
import java.util.Set;
import org.passerelle.content.Language;

/**
 * A mediator as the queue sees her. An empty language set means all languages.
 *
 * @param id          her staff username, unique
 * @param displayName the name her colleagues see
 * @param languages   the languages she answers in; empty for all
 * @param skills      what she is trained for beyond listening
 */
public record Mediator(String id, String displayName, Set<Language> languages, Set<Skill> skills) {

    public Mediator {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a mediator needs an id");
        }
        displayName = displayName == null || displayName.isBlank() ? id : displayName;
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        skills = skills == null ? Set.of() : Set.copyOf(skills);
    }

    /** Whether she answers in this language. */
    public boolean speaks(Language language) {
        return languages.isEmpty() || languages.contains(language);
    }

    /** Whether she is trained for this. */
    public boolean has(Skill skill) {
        return skills.contains(skill);
    }
}
