package com.alvh.lifecycle;

import java.util.ArrayList;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.Patch;

/**
 * Line diffs of two versions of a rule file or profile (java-diff-utils, Myers' algorithm): a unified diff with three
 * lines of context for the API, and aligned rows for the console's side-by-side view.
 */
public final class TextDiff {

    private static final int CONTEXT = 3;

    /** One aligned line pair: {@code kind} is "same", "removed", "added" or "changed"; line numbers 0 when absent. */
    public record Row(String kind, int oldLine, String oldText, int newLine, String newText) {
    }

    private TextDiff() {
    }

    /** Unified diff of {@code before} (labelled {@code a/name}) and {@code after} ({@code b/name}); empty when equal. */
    public static String unified(String name, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        if (a.isEmpty() || b.isEmpty()) {
            // a new or emptied file: java-diff-utils writes the headers but no hunk then; GNU diff's form is "-0,0"
            StringBuilder out = new StringBuilder("--- a/" + name + "\n+++ b/" + name + "\n");
            out.append(a.isEmpty() ? "@@ -0,0 +1," + b.size() + " @@\n" : "@@ -1," + a.size() + " +0,0 @@\n");
            (a.isEmpty() ? b : a).forEach(line -> out.append(a.isEmpty() ? '+' : '-').append(line).append('\n'));
            return out.toString();
        }
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("a/" + name, "b/" + name, a, patch, CONTEXT)) + "\n";
    }

    /** Both texts aligned line by line; a replaced block pairs its lines as "changed", the longer side's rest alone. */
    public static List<Row> sideBySide(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            Chunk<String> removed = delta.getSource();
            Chunk<String> added = delta.getTarget();
            for (; i < removed.getPosition(); i++, j++) {
                rows.add(new Row("same", i + 1, a.get(i), j + 1, b.get(j)));
            }
            int paired = Math.min(removed.size(), added.size());
            for (int k = 0; k < Math.max(removed.size(), added.size()); k++) {
                if (k < paired) {
                    rows.add(new Row("changed", ++i, a.get(i - 1), ++j, b.get(j - 1)));
                } else if (k < removed.size()) {
                    rows.add(new Row("removed", ++i, a.get(i - 1), 0, ""));
                } else {
                    rows.add(new Row("added", 0, "", ++j, b.get(j - 1)));
                }
            }
        }
        for (; i < a.size(); i++, j++) {
            rows.add(new Row("same", i + 1, a.get(i), j + 1, b.get(j)));
        }
        return rows;
    }

    /** The lines of a text; a final newline does not start another (empty) line. */
    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> all = List.of(text.split("\r?\n", -1));
        return all.get(all.size() - 1).isEmpty() ? all.subList(0, all.size() - 1) : all;
    }
}
