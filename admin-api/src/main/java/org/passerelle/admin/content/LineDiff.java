package org.passerelle.admin.content;

import java.util.ArrayList;
import java.util.List;

/**
 * A line-level comparison of two texts, laid out side by side: lines kept on both sides, lines
 * removed on the left, lines added on the right, and a removed line facing the added line that
 * replaced it. Computed from the longest common subsequence of lines.
 */
final class LineDiff {

    /** Beyond this many lines on one side, the texts are shown as wholly replaced (the table grows as the product). */
    static final int MAX_LINES = 2000;

    /** How one row of the side-by-side view changed. */
    enum Kind { SAME, REMOVED, ADDED, CHANGED, FOLDED }

    /**
     * One row of the side-by-side view.
     *
     * @param kind  how the row changed
     * @param left  the line before, or null when the row only adds; for a folded row, how many
     *              unchanged lines it stands for
     * @param right the line after, or null when the row only removes or is folded
     */
    record Row(Kind kind, String left, String right) {

        /** The CSS class of the row. */
        public String css() {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private LineDiff() {
    }

    /** The rows comparing {@code before} with {@code after}; a null text is no line at all. */
    static List<Row> compare(String before, String after) {
        var left = lines(before);
        var right = lines(after);
        if (left.size() > MAX_LINES || right.size() > MAX_LINES) {
            return pair(new ArrayList<>(left), new ArrayList<>(right), new ArrayList<>());
        }
        int[][] common = commonLengths(left, right);
        var rows = new ArrayList<Row>();
        var removed = new ArrayList<String>();
        var added = new ArrayList<String>();
        int i = 0;
        int j = 0;
        while (i < left.size() || j < right.size()) {
            if (i < left.size() && j < right.size() && left.get(i).equals(right.get(j))) {
                pair(removed, added, rows);
                rows.add(new Row(Kind.SAME, left.get(i++), right.get(j++)));
            } else if (j < right.size() && (i == left.size() || common[i][j + 1] >= common[i + 1][j])) {
                added.add(right.get(j++));
            } else {
                removed.add(left.get(i++));
            }
        }
        pair(removed, added, rows);
        return rows;
    }

    /**
     * The rows with each run of unchanged lines farther than {@code context} lines from a change
     * folded into one row, so that a small edit of a long text stands out.
     */
    static List<Row> folded(List<Row> rows, int context) {
        var out = new ArrayList<Row>();
        int i = 0;
        while (i < rows.size()) {
            int end = i;
            while (end < rows.size() && rows.get(end).kind() == Kind.SAME) {
                end++;
            }
            if (end == i) {
                out.add(rows.get(i++));
                continue;
            }
            int keepBefore = i == 0 ? 0 : context;
            int keepAfter = end == rows.size() ? 0 : context;
            int hidden = end - i - keepBefore - keepAfter;
            if (hidden < 2) {
                out.addAll(rows.subList(i, end));
            } else {
                out.addAll(rows.subList(i, i + keepBefore));
                out.add(new Row(Kind.FOLDED, Integer.toString(hidden), null));
                out.addAll(rows.subList(end - keepAfter, end));
            }
            i = end;
        }
        return out;
    }

    /** Whether the rows show any change. */
    static boolean changed(List<Row> rows) {
        return rows.stream().anyMatch(row -> row.kind() != Kind.SAME);
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        var normal = text.replace("\r\n", "\n");
        if (normal.endsWith("\n")) {
            normal = normal.substring(0, normal.length() - 1);
        }
        return List.of(normal.split("\n", -1));
    }

    /** common[i][j]: the length of the longest common subsequence of left[i..] and right[j..]. */
    private static int[][] commonLengths(List<String> left, List<String> right) {
        int[][] common = new int[left.size() + 1][right.size() + 1];
        for (int i = left.size() - 1; i >= 0; i--) {
            for (int j = right.size() - 1; j >= 0; j--) {
                common[i][j] = left.get(i).equals(right.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        return common;
    }

    /** Moves a run of removed and added lines into rows, a removed line facing an added one. */
    private static List<Row> pair(List<String> removed, List<String> added, List<Row> rows) {
        int both = Math.min(removed.size(), added.size());
        for (int k = 0; k < both; k++) {
            rows.add(new Row(Kind.CHANGED, removed.get(k), added.get(k)));
        }
        removed.subList(both, removed.size()).forEach(line -> rows.add(new Row(Kind.REMOVED, line, null)));
        added.subList(both, added.size()).forEach(line -> rows.add(new Row(Kind.ADDED, null, line)));
        removed.clear();
        added.clear();
        return rows;
    }
}
