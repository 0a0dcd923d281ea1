package org.passerelle.admin.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.admin.content.LineDiff.Kind;
import org.passerelle.admin.content.LineDiff.Row;

class LineDiffTests {

    @Test
    void keepsEveryLineOfTheSameTextAndSeesNoChange() {
        var rows = LineDiff.compare("one\ntwo", "one\ntwo");
        assertThat(rows).containsExactly(new Row(Kind.SAME, "one", "one"), new Row(Kind.SAME, "two", "two"));
        assertThat(LineDiff.changed(rows)).isFalse();
    }

    @Test
    void showsALineAddedInTheMiddleOnTheRightOnly() {
        assertThat(LineDiff.compare("a\nc", "a\nb\nc")).containsExactly(
                new Row(Kind.SAME, "a", "a"), new Row(Kind.ADDED, null, "b"), new Row(Kind.SAME, "c", "c"));
    }

    @Test
    void showsARemovedLineOnTheLeftOnly() {
        assertThat(LineDiff.compare("a\nb\nc", "a\nc")).containsExactly(
                new Row(Kind.SAME, "a", "a"), new Row(Kind.REMOVED, "b", null), new Row(Kind.SAME, "c", "c"));
    }

    @Test
    void facesAReplacedLineWithItsReplacementAndListsTheRestAsAddedOrRemoved() {
        assertThat(LineDiff.compare("title\nold one\nold two\nend", "title\nnew one\nend")).containsExactly(
                new Row(Kind.SAME, "title", "title"),
                new Row(Kind.CHANGED, "old one", "new one"),
                new Row(Kind.REMOVED, "old two", null),
                new Row(Kind.SAME, "end", "end"));
        assertThat(LineDiff.compare("x", "y\nz")).containsExactly(
                new Row(Kind.CHANGED, "x", "y"), new Row(Kind.ADDED, null, "z"));
    }

    @Test
    void keepsTheLongestRunOfCommonLinesWhenLinesMove() {
        var rows = LineDiff.compare("a\nb\nc\nd", "b\nc\nd\na");
        assertThat(rows.stream().filter(r -> r.kind() == Kind.SAME).map(Row::left)).containsExactly("b", "c", "d");
        assertThat(rows).contains(new Row(Kind.REMOVED, "a", null), new Row(Kind.ADDED, null, "a"));
    }

    @Test
    void treatsANewFieldAsAllAddedAndAnEmptyOneAsNoLine() {
        assertThat(LineDiff.compare(null, "first\nsecond")).containsExactly(
                new Row(Kind.ADDED, null, "first"), new Row(Kind.ADDED, null, "second"));
        assertThat(LineDiff.compare("gone", "")).containsExactly(new Row(Kind.REMOVED, "gone", null));
        assertThat(LineDiff.compare(null, null)).isEmpty();
    }

    @Test
    void ignoresWindowsLineEndsAndAFinalLineBreak() {
        assertThat(LineDiff.changed(LineDiff.compare("a\r\nb\n", "a\nb"))).isFalse();
    }

    @Test
    void comparesTextsBeyondTheLineLimitAsWhollyReplaced() {
        var many = String.join("\n", java.util.Collections.nCopies(LineDiff.MAX_LINES + 1, "same"));
        List<Row> rows = LineDiff.compare(many, many + "\nmore");
        assertThat(rows).hasSize(LineDiff.MAX_LINES + 2);
        assertThat(rows.get(0).kind()).isEqualTo(Kind.CHANGED);
        assertThat(rows.get(rows.size() - 1)).isEqualTo(new Row(Kind.ADDED, null, "more"));
    }

    @Test
    void foldsLongRunsOfUnchangedLinesAroundAChangeKeepingTheirNeighbours() {
        var before = "1\n2\n3\n4\n5\n6\n7\n8";
        var after = "1\n2\n3\n4\nfive\n6\n7\n8";
        assertThat(LineDiff.folded(LineDiff.compare(before, after), 1)).containsExactly(
                new Row(Kind.FOLDED, "3", null),
                new Row(Kind.SAME, "4", "4"),
                new Row(Kind.CHANGED, "5", "five"),
                new Row(Kind.SAME, "6", "6"),
                new Row(Kind.FOLDED, "2", null));
        // One hidden line is shown rather than folded: the fold would take as much room.
        assertThat(LineDiff.folded(LineDiff.compare("a\nb\nc", "a\nb\nC"), 1)).containsExactly(
                new Row(Kind.SAME, "a", "a"), new Row(Kind.SAME, "b", "b"), new Row(Kind.CHANGED, "c", "C"));
    }
}
