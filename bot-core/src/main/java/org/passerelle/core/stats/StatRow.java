package org.passerelle.core.stats;

import java.time.LocalDate;

/**
 * One raw counter of one day, for internal use only: it may be below five. What leaves the
 * server is a {@link Figure}.
 *
 * @param day       the day, Europe/Paris
 * @param metric    what was counted
 * @param dimension by what (a channel, a language, a topic id, a priority, a service, a bracket)
 * @param value     the count, or the sum for a summed metric
 */
public record StatRow(LocalDate day, Metric metric, String dimension, long value) {
}
