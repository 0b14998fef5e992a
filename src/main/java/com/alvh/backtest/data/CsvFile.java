package com.alvh.backtest.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The small CSV dialect of market-data files: a header line, comma-separated cells, optional double quotes
 * around a cell (no embedded commas in these files), dates in ISO or Cboe's MM/DD/YYYY form.
 */
final class CsvFile {

    /** One data row with its 1-based line number in the file. */
    record Row(int line, List<String> cells) {
    }

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu");

    final Path path;
    final List<String> header;
    final List<Row> rows;

    private CsvFile(Path path, List<String> header, List<Row> rows) {
        this.path = path;
        this.header = header;
        this.rows = rows;
    }

    static CsvFile read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        if (lines.isEmpty()) {
            throw new DataRowException(path, 1, "empty file, expected a header line");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                rows.add(new Row(i + 1, split(lines.get(i))));
            }
        }
        List<String> header = split(lines.get(0)).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        return new CsvFile(path, header, rows);
    }

    /** Index of the first header cell equal (ignoring case) to one of {@code names}. */
    int column(String... names) {
        for (String name : names) {
            int i = header.indexOf(name.toLowerCase(Locale.ROOT));
            if (i >= 0) {
                return i;
            }
        }
        throw new DataRowException(path, 1, "missing column " + String.join(" or ", names) + " in header " + header);
    }

    String cell(Row row, int column) {
        if (column >= row.cells().size()) {
            throw new DataRowException(path, row.line(), "expected at least " + (column + 1) + " cells, found "
                    + row.cells().size());
        }
        return row.cells().get(column);
    }

    LocalDate date(Row row, int column) {
        String text = cell(row, column);
        try {
            return text.contains("/") ? LocalDate.parse(text, US_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new DataRowException(path, row.line(), "bad date '" + text + "' (expected YYYY-MM-DD or MM/DD/YYYY)");
        }
    }

    double number(Row row, int column) {
        String text = cell(row, column);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new DataRowException(path, row.line(), "bad number '" + text + "' in column " + header.get(column));
        }
    }

    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split(",", -1)) {
            String c = cell.strip();
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
                c = c.substring(1, c.length() - 1);
            }
            cells.add(c);
        }
        return cells;
    }
}
