package org.passerelle.core.content;

import java.time.Instant;
import org.passerelle.content.Language;
import org.passerelle.content.TopicText;

/**
 * An edit of one language of one topic, waiting for the next publish.
 *
 * @param topicId   the topic
 * @param language  the language edited
 * @param text      the new title, texts, phrases and status
 * @param author    who saved it
 * @param updatedAt when it was last saved
 */
public record Draft(String topicId, Language language, TopicText text, String author, Instant updatedAt) {
}
