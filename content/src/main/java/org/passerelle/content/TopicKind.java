package org.passerelle.content;

/** An information topic answers a question; an action topic starts something (book, hand off…). */
public enum TopicKind {
    INFORMATION,
    ACTION
}
