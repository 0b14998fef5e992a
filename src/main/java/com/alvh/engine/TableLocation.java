package com.alvh.engine;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves an error found in a table's generated DRL back to the table. Drools names each generated rule after its
 * table and spreadsheet row ({@code "VIX regimes_12"}) and writes "rule values at A12" above it, so the row is read
 * from the enclosing rule; the column is the cell of that row whose value appears on the failing DRL line.
 */
final class TableLocation {

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"(.*)\"");
    private static final Pattern ROW_IN_NAME = Pattern.compile("_(\\d+)$");
    private static final Pattern EXPRESSION = Pattern.compile("Unable to Analyse Expression (.+?):?\\s*$", Pattern.DOTALL);
    private static final Pattern WHITE = Pattern.compile("\\s+");
    private static final Pattern VALUES_AT = Pattern.compile("rule values at ([A-Z]{1,3})(\\d+)");

    private TableLocation() {
    }

    static RuleError of(RuleError error, DecisionTables.Sheet sheet, String drl) {
        String[] lines = drl.split("\n", -1);
        int at = Math.max(1, Math.min(error.line(), lines.length));
        String rule = null;
        int row = 0;
        int firstColumn = 0;
        for (int i = at - 1; i >= 0; i--) {
            if (i < at - 1 && lines[i].strip().equals("end")) {
                break; // the failing line is outside any rule (imports, globals, functions)
            }
            Matcher m = RULE.matcher(lines[i]);
            if (m.find()) {
                rule = m.group(1);
                Matcher values = i > 0 ? VALUES_AT.matcher(lines[i - 1]) : null;
                if (values != null && values.find()) {
                    firstColumn = columnNumber(values.group(1)) - 1;
                    row = Integer.parseInt(values.group(2));
                }
                Matcher named = ROW_IN_NAME.matcher(rule);
                if (named.find() && sheet.cells().containsKey(Integer.parseInt(named.group(1)))) {
                    row = Integer.parseInt(named.group(1));
                }
                break;
            }
        }
        if (rule == null) {
            // a message about a rule as a whole (at line 1) names it
            int named = namedIn(error.message(), lines);
            named = named > 0 ? named : quotedIn(error.message(), lines);
            if (named > 0 && named != at) {
                return of(new RuleError(error.file(), named, error.column(), error.message()), sheet, drl);
            }
        }
        // the cell whose value the message quotes (Drools quotes a failing expression), else one on the failing line
        int[] cell = cellOn(error.message(), sheet.cells(), row);
        cell = cell != null ? cell : cellOn(lines[at - 1], sheet.cells(), row);
        int foundRow = cell == null ? Math.max(row, 1) : cell[0];
        int column = cell == null ? firstColumn : cell[1];
        String letters = columnName(column);
        String message = where(sheet.name(), foundRow, letters) + error.message()
                + (rule == null ? "" : " (generated rule '" + rule + "', line " + at + " of its DRL)");
        return new RuleError(sheet.table(), foundRow, column + 1, message);
    }

    /** The line of the generated rule whose name the message holds (the longest name, so "_12" wins over "_1"). */
    private static int namedIn(String message, String[] lines) {
        int line = 0;
        int longest = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = RULE.matcher(lines[i]);
            if (m.find() && m.group(1).length() > longest && message.contains(m.group(1))) {
                line = i + 1;
                longest = m.group(1).length();
            }
        }
        return line;
    }

    /**
     * The DRL line holding the expression the executable model could not analyse; it reports such an error at
     * line 1 and re-spaces the expression ("sixty - five"), so the comparison ignores white space.
     */
    private static int quotedIn(String message, String[] lines) {
        Matcher m = EXPRESSION.matcher(message);
        if (!m.find()) {
            return 0;
        }
        String expression = compact(m.group(1));
        for (int i = 0; i < lines.length; i++) {
            if (!expression.isEmpty() && compact(lines[i]).contains(expression)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String compact(String text) {
        return WHITE.matcher(text).replaceAll("");
    }

    /** The cell whose value is in the text: in {@code row} when known, else anywhere; the longest such value. */
    private static int[] cellOn(String line, Map<Integer, Map<Integer, String>> cells, int row) {
        int[] best = null;
        int bestLength = 0;
        for (var r : cells.entrySet()) {
            if (row > 0 && r.getKey() != row) {
                continue;
            }
            for (var c : r.getValue().entrySet()) {
                String value = c.getValue();
                // outside a known row only a distinctive value counts: a "0" or "15" is on many lines
                boolean distinctive = row > 0 || value.length() >= 4 || value.chars().anyMatch(Character::isLetter);
                if (distinctive && value.length() > bestLength && compact(line).contains(compact(value))) {
                    best = new int[] {r.getKey(), c.getKey()};
                    bestLength = value.length();
                }
            }
        }
        return best;
    }

    static String where(String sheet, int row, String column) {
        return "sheet '" + sheet + "', row " + row + ", column " + column + ": ";
    }

    /** "A" is 1, "Z" 26, "AA" 27. */
    static int columnNumber(String letters) {
        int n = 0;
        for (char ch : letters.toCharArray()) {
            n = n * 26 + (ch - 'A' + 1);
        }
        return n;
    }

    /** 0 is "A". */
    static String columnName(int index) {
        StringBuilder out = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            out.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return out.toString();
    }
}
