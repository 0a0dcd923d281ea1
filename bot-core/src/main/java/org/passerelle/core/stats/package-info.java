/**
 * Anonymous daily statistics: counters per day (Europe/Paris) in one Redis hash per day, never
 * keyed or labelled by anything about a person (no pseudonym, no address, no text), only by a
 * {@link org.passerelle.core.stats.Metric} and a dimension drawn from a closed set (a channel, a
 * language, a topic id, a priority, a service id, a time bracket). A {@link
 * org.passerelle.core.stats.Tally} gathers what one turn or one action counted and
 * {@link org.passerelle.core.stats.Stats} writes it in one round trip; counting never fails the
 * work it counts. The reader gives rows (day, metric, dimension, value); its published view
 * shows no figure from 1 to 4. Plain Java; uses {@code core.store} only.
 */
package org.passerelle.core.stats;
