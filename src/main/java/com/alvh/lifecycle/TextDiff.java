package com.alvh.lifecycle;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts by longest common subsequence, as a unified diff (context 3) and as side-by-side rows.
 * Quadratic in lines, which is fine for rule files and profiles (hundreds of lines); no diff library is in the
 * dependency set this build may use.
 */
public final class TextDiff {

    private static final int CONTEXT = 3;

    /** One aligned line pair: {@code kind} is "same", "removed", "added" or "changed"; line numbers 0 when absent. */
    public record Row(String kind, int oldLine, String oldText, int newLine, String newText) {
    }

    private record Op(char kind, int oldIndex, int newIndex) {
    }

    private TextDiff() {
    }

    /** Unified diff of {@code before} (labelled {@code a/name}) and {@code after} ({@code b/name}); empty when equal. */
    public static String unified(String name, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Op> ops = ops(a, b);
        if (ops.stream().allMatch(op -> op.kind() == ' ')) {
            return "";
        }
        StringBuilder out = new StringBuilder("--- a/").append(name).append("\n+++ b/").append(name).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // extend the hunk while changes are closer than twice the context
            while (end < ops.size()) {
                int nextChange = end;
                while (nextChange < ops.size() && ops.get(nextChange).kind() == ' ') {
                    nextChange++;
                }
                if (nextChange == ops.size() || nextChange - end > 2 * CONTEXT) {
                    end = Math.min(ops.size(), end + CONTEXT);
                    break;
                }
                end = nextChange + 1;
                while (end < ops.size() && ops.get(end).kind() != ' ') {
                    end++;
                }
            }
            hunk(out, ops.subList(start, end), a, b);
            i = end;
        }
        return out.toString();
    }

    /** Side-by-side rows: a removal followed by an addition is paired as a changed row. */
    public static List<Row> sideBySide(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Op> ops = ops(a, b);
        List<Row> rows = new ArrayList<>();
        int i = 0;
        while (i < ops.size()) {
            Op op = ops.get(i);
            if (op.kind() == ' ') {
                rows.add(new Row("same", op.oldIndex() + 1, a.get(op.oldIndex()), op.newIndex() + 1, b.get(op.newIndex())));
                i++;
                continue;
            }
            List<Op> removed = new ArrayList<>();
            List<Op> added = new ArrayList<>();
            while (i < ops.size() && ops.get(i).kind() != ' ') {
                (ops.get(i).kind() == '-' ? removed : added).add(ops.get(i));
                i++;
            }
            for (int k = 0; k < Math.max(removed.size(), added.size()); k++) {
                Op r = k < removed.size() ? removed.get(k) : null;
                Op n = k < added.size() ? added.get(k) : null;
                String kind = r != null && n != null ? "changed" : r != null ? "removed" : "added";
                rows.add(new Row(kind, r == null ? 0 : r.oldIndex() + 1, r == null ? "" : a.get(r.oldIndex()),
                        n == null ? 0 : n.newIndex() + 1, n == null ? "" : b.get(n.newIndex())));
            }
        }
        return rows;
    }

    private static void hunk(StringBuilder out, List<Op> ops, List<String> a, List<String> b) {
        int oldStart = -1;
        int newStart = -1;
        int oldCount = 0;
        int newCount = 0;
        StringBuilder body = new StringBuilder();
        for (Op op : ops) {
            if (op.kind() != '+') {
                oldStart = oldStart < 0 ? op.oldIndex() : oldStart;
                oldCount++;
            }
            if (op.kind() != '-') {
                newStart = newStart < 0 ? op.newIndex() : newStart;
                newCount++;
            }
            String text = op.kind() == '+' ? b.get(op.newIndex()) : a.get(op.oldIndex());
            body.append(op.kind()).append(text).append('\n');
        }
        out.append("@@ -").append(range(oldStart, oldCount, ops, true)).append(" +")
                .append(range(newStart, newCount, ops, false)).append(" @@\n").append(body);
    }

    private static String range(int start, int count, List<Op> ops, boolean old) {
        if (count == 0) {
            // an empty side is shown at the line before the hunk, as diff -u does
            Op first = ops.get(0);
            return (old ? first.oldIndex() : first.newIndex()) + ",0";
        }
        return (start + 1) + (count == 1 ? "" : "," + count);
    }

    /** Edit script: ' ' keeps a[oldIndex] == b[newIndex], '-' removes a[oldIndex], '+' adds b[newIndex]. */
    private static List<Op> ops(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                ops.add(new Op(' ', i++, j++));
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add(new Op('-', i++, j));
            } else {
                ops.add(new Op('+', i, j++));
            }
        }
        return ops;
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> all = List.of(text.split("\r?\n", -1));
        // a final newline ends the last line rather than starting an empty one
        return text.endsWith("\n") ? all.subList(0, all.size() - 1) : all;
    }
}
