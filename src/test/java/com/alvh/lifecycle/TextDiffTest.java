package com.alvh.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextDiffTest {

    @Test
    void writesAUnifiedHunkWithThreeLinesOfContext() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\n";
        String after = "a\nb\nc\nd\nE\nf\ng\nh\ni\n";
        assertEquals("""
                --- a/x.drl
                +++ b/x.drl
                @@ -2,7 +2,8 @@
                 b
                 c
                 d
                -e
                +E
                 f
                 g
                 h
                +i
                """, TextDiff.unified("x.drl", before, after));
    }

    @Test
    void equalTextsHaveNoDiff() {
        assertEquals("", TextDiff.unified("x.drl", "a\nb\n", "a\nb\n"));
    }

    @Test
    void aFileThatIsNewIsAllAdditions() {
        assertEquals("--- a/n.drl\n+++ b/n.drl\n@@ -0,0 +1,2 @@\n+x\n+y\n", TextDiff.unified("n.drl", "", "x\ny\n"));
    }

    @Test
    void anEmptiedFileIsAllRemovals() {
        assertEquals("--- a/n.drl\n+++ b/n.drl\n@@ -1,2 +0,0 @@\n-x\n-y\n", TextDiff.unified("n.drl", "x\ny\n", ""));
    }

    @Test
    void aRemovedLineStandsAloneSideBySide() {
        assertEquals(List.of(new TextDiff.Row("same", 1, "a", 1, "a"), new TextDiff.Row("removed", 2, "b", 0, ""),
                new TextDiff.Row("same", 3, "c", 2, "c")), TextDiff.sideBySide("a\nb\nc\n", "a\nc\n"));
    }

    @Test
    void pairsARemovalWithTheAdditionThatReplacesItSideBySide() {
        List<TextDiff.Row> rows = TextDiff.sideBySide("a\nb\nc\n", "a\nB\nc\nd\n");
        assertEquals(List.of(new TextDiff.Row("same", 1, "a", 1, "a"), new TextDiff.Row("changed", 2, "b", 2, "B"),
                new TextDiff.Row("same", 3, "c", 3, "c"), new TextDiff.Row("added", 0, "", 4, "d")), rows);
    }
}
