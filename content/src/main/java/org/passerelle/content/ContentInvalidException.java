package org.passerelle.content;

import java.util.List;

/** Thrown when content cannot be loaded or is refused; each problem names its place. */
public class ContentInvalidException extends RuntimeException {

    private final List<String> problems;

    public ContentInvalidException(List<String> problems) {
        super(problems.size() == 1
                ? problems.get(0)
                : problems.size() + " content problems: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, e.g. {@code topics/complaint.yaml: en.sms: missing}. */
    public List<String> problems() {
        return problems;
    }
}
