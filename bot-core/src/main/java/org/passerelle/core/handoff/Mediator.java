package org.passerelle.core.handoff;

import java.util.Set;
import org.passerelle.content.Language;

/** A mediator as the queue sees her. An empty language set means all languages. */
public record Mediator(String id, String displayName, Set<Language> languages, Set<Skill> skills) {
}
