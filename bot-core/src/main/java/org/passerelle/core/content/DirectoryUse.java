package org.passerelle.core.content;

/**
 * A place where a directory entry is shown to a person.
 *
 * @param kind {@code topic} for a topic's text or SMS, {@code ui} for an interface string
 * @param id   the topic id or the UI key
 */
public record DirectoryUse(String kind, String id) {

    /** The kind of a use in a topic. */
    public static final String TOPIC = "topic";
    /** The kind of a use in an interface string. */
    public static final String UI = "ui";
}
