package com.alvh.console;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Cuts listings out of DRL or YAML sources: a whole rule with its lines marked, or the lines around an error. */
final class SourceExcerpts {

    private static final int CONTEXT = 2;

    private SourceExcerpts() {
    }

    /** The rule named {@code rule} from {@code rule "…"} to its {@code end}, marked, with two lines either side. */
    static List<Views.SourceLine> rule(String source, String rule) {
        String[] lines = source.split("\r?\n", -1);
        Pattern start = Pattern.compile("^\\s*rule\\s+\"" + Pattern.quote(rule) + "\"");
        for (int i = 0; i < lines.length; i++) {
            if (start.matcher(lines[i]).find()) {
                int end = i;
                while (end < lines.length - 1 && !lines[end].trim().equals("end")) {
                    end++;
                }
                return listing(lines, i, end, "hl");
            }
        }
        return tableRow(lines, rule);
    }

    /** A decision table's rule is named after its spreadsheet row ("Overbought for the VIX regime_11"): that row. */
    private static List<Views.SourceLine> tableRow(String[] lines, String rule) {
        java.util.regex.Matcher row = TABLE_ROW.matcher(rule);
        if (!row.find()) {
            return List.of();
        }
        int index = Integer.parseInt(row.group(1)) - 1;
        return index > 0 && index < lines.length ? listing(lines, index, index, "hl") : List.of();
    }

    private static final Pattern TABLE_ROW = Pattern.compile("_(\\d{1,6})$");

    /** The lines around {@code line} (1-based), that line marked as the error. */
    static List<Views.SourceLine> around(String source, int line) {
        String[] lines = source.split("\r?\n", -1);
        int index = Math.max(0, Math.min(lines.length - 1, line - 1));
        return listing(lines, index, index, "err");
    }

    /** Every line, those in [from, to] (1-based) marked. */
    static List<Views.SourceLine> whole(String source, int from, int to, String mark) {
        String[] lines = source.split("\r?\n", -1);
        List<Views.SourceLine> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            out.add(new Views.SourceLine(i + 1, lines[i], i + 1 >= from && i + 1 <= to ? mark : ""));
        }
        return out;
    }

    private static List<Views.SourceLine> listing(String[] lines, int first, int last, String mark) {
        List<Views.SourceLine> out = new ArrayList<>();
        for (int i = Math.max(0, first - CONTEXT); i <= Math.min(lines.length - 1, last + CONTEXT); i++) {
            out.add(new Views.SourceLine(i + 1, lines[i], i >= first && i <= last ? mark : ""));
        }
        return out;
    }
}
