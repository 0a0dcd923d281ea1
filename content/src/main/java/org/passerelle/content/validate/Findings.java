package org.passerelle.content.validate;

import java.util.ArrayList;
import java.util.List;
import org.passerelle.content.Language;

/** The problems found by one run of the validator, in the order they were found. */
final class Findings {

    private final List<ContentProblem> problems = new ArrayList<>();

    void add(String place, Language language, String field, String message) {
        problems.add(new ContentProblem(place, language == null ? null : language.code(), field, message));
    }

    List<ContentProblem> list() {
        return List.copyOf(problems);
    }
}
