/**
 * The anonymous statistics for admins: under {@code /api/stats} the published daily figures of
 * a range of days as JSON or CSV, and the page {@code /admin/stats} with charts drawn on the
 * server as SVG and a table under each. No figure from 1 to 4 is ever shown, nor drawn to scale,
 * nor recoverable from a total. Uses {@code core.stats} only; the raw counters never leave the
 * server.
 */
package org.passerelle.admin.stats;
