/**
 * The anonymous statistics for admins under {@code /api/stats}: the published daily figures of
 * a range of days as JSON or CSV, in which no figure from 1 to 4 is ever shown. Uses
 * {@code core.stats} only; the raw counters never leave the server.
 */
package org.passerelle.admin.stats;
