/**
 * The barriers to rights met by the people who answered, for the association's advocacy: the
 * anonymous monthly counts by topic and type under {@code /api/stats/barriers} (JSON and CSV), and
 * {@link org.passerelle.admin.stats.barriers.BarrierFigures}, which builds the model of the
 * statistics page's barriers section ({@code templates/admin/stats/barriers.html}, fragment
 * {@code section(barriers)}): a table and a bar chart per topic. No count from 1 to 4 is ever
 * shown. Uses {@code core.barriers} only.
 */
package org.passerelle.admin.stats.barriers;
