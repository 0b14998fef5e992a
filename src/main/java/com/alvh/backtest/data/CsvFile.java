package com.alvh.backtest.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A market-data CSV file read with Apache Commons CSV: a header record, then data records. A leading byte-order
 * mark is dropped, quoted fields may hold commas and quotes, blank lines are skipped, cells are trimmed, and every
 * record keeps the 1-based line it starts on so that a bad value can be reported as {@code file:line}.
 */
final class CsvFile {

    /** One data row with its 1-based line number in the file. */
    record Row(int line, List<String> cells) {
    }

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    final Path path;
    final List<String> header;
    final List<Row> rows;

    private CsvFile(Path path, List<String> header, List<Row> rows) {
        this.path = path;
        this.header = header;
        this.rows = rows;
    }

    static CsvFile read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        if (text.startsWith("\uFEFF")) {
            // Excel writes a byte-order mark; kept, it would become part of the first column's name.
            text = text.substring(1);
        }
        LineIndex lines = new LineIndex(text);
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            for (CSVRecord record : parser) {
                int line = lines.lineOf(record.getCharacterPosition());
                if (isBlank(record)) {
                    continue;
                }
                List<String> cells = record.toList();
                if (header == null) {
                    header = cells.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
                } else {
                    rows.add(new Row(line, cells));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // Commons CSV reports malformed quoting with its own line count, which is the one to show.
            throw new DataRowException(path, lineFromMessage(e), "malformed CSV: " + rootMessage(e));
        }
        if (header == null) {
            throw new DataRowException(path, 1, "empty file, expected a header line");
        }
        return new CsvFile(path, header, rows);
    }

    private static boolean isBlank(CSVRecord record) {
        return record.stream().allMatch(String::isEmpty);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static int lineFromMessage(Throwable e) {
        var m = java.util.regex.Pattern.compile("line (\\d+)").matcher(String.valueOf(rootMessage(e)));
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    /** Index of the first header cell equal (ignoring case) to one of {@code names}. */
    int column(String... names) {
        int i = optionalColumn(names);
        if (i < 0) {
            throw new DataRowException(path, 1, "missing column " + String.join(" or ", names) + " in header " + header);
        }
        return i;
    }

    /** Like {@link #column} but -1 when absent. */
    int optionalColumn(String... names) {
        for (String name : names) {
            int i = header.indexOf(name.toLowerCase(Locale.ROOT));
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    boolean has(String name) {
        return header.contains(name.toLowerCase(Locale.ROOT));
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

    /** A number, or NaN when the cell is empty, {@code NA} (as R writes a missing value) or absent. */
    double numberOrGap(Row row, int column) {
        if (column >= row.cells().size()) {
            return Double.NaN;
        }
        String text = row.cells().get(column);
        return text.isEmpty() || text.equalsIgnoreCase("NA") ? Double.NaN : number(row, column);
    }

    /** Maps a character offset of the text to its 1-based line. */
    private static final class LineIndex {
        private final int[] starts;

        LineIndex(String text) {
            int[] s = new int[16];
            int n = 0;
            s[n++] = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    if (n == s.length) {
                        s = Arrays.copyOf(s, n * 2);
                    }
                    s[n++] = i + 1;
                }
            }
            starts = Arrays.copyOf(s, n);
        }

        int lineOf(long offset) {
            int i = Arrays.binarySearch(starts, (int) offset);
            return i >= 0 ? i + 1 : -i - 1;
        }
    }
}
