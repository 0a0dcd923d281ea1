package org.passerelle.content;

import java.util.List;
import java.util.Objects;

/**
 * One language of a topic.
 *
 * @param status  where this text stands in review
 * @param title   short title, used as a menu label
 * @param text    full text for Telegram and the web chat; may hold directory references
 *                such as {@code {service:pad18.address}}
 * @param sms     short text for SMS, two segments at most once references are resolved
 * @param phrases ways people ask for this topic, for the intent classifier
 */
public record TopicText(ReviewStatus status, String title, String text, String sms, List<String> phrases) {

    public TopicText {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sms, "sms");
        phrases = List.copyOf(phrases);
    }
}
