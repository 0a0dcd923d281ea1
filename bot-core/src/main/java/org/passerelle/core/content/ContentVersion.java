package org.passerelle.core.content;

import java.time.Instant;

/**
 * One published version of the content.
 *
 * @param number      1 for the seed, then one more per publish or rollback
 * @param kind        {@code seed}, {@code publish} or {@code rollback}
 * @param publishedAt when it was published
 * @param author      who published it (a staff account name, never a person who writes in)
 * @param note        what changed, in the author's words
 * @param basedOn     the version it was made from (for a rollback, the version restored)
 */
public record ContentVersion(int number, String kind, Instant publishedAt, String author, String note, int basedOn) {
}
