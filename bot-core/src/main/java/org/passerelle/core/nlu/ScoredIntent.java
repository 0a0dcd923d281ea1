package org.passerelle.core.nlu;

/**
 * One intent with its probability.
 *
 * @param intent     a topic id of the content
 * @param confidence from 0 to 1
 */
public record ScoredIntent(String intent, double confidence) {
}
