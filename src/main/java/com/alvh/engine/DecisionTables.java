package com.alvh.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.model.DRLOutput;
import org.drools.template.parser.DataListener;

/**
 * Decision tables among the rule files ({@code *.csv}, and {@code *.xlsx} carried as base64 text), converted to DRL
 * text by Drools' spreadsheet compiler before anything is compiled: the DRL then takes the one compile path, so the
 * sandbox verifies a table's generated classes like any rule file's. Each CSV file, and each sheet of a workbook that
 * holds a RuleTable, becomes one generated DRL file; errors in it are located back at sheet, row and column.
 */
final class DecisionTables {

    /** Where the conversion of a sheet put its DRL: the table file, the sheet and its non-empty cells by row. */
    record Sheet(String table, String name, Map<Integer, Map<Integer, String>> cells) {
    }

    /** The rule files with every table replaced by its generated DRL, or the conversion errors. */
    record Expansion(Map<String, String> drl, Map<String, Sheet> generated, List<RuleError> errors) {

        /** The file a (possibly generated) DRL file stands for. */
        String sourceOf(String file) {
            Sheet sheet = generated.get(file);
            return sheet == null ? file : sheet.table();
        }

        /** Errors in generated DRL moved to the sheet, row and column of the table they came from. */
        List<RuleError> locate(List<RuleError> errors) {
            return errors.stream().map(e -> generated.containsKey(e.file())
                    ? TableLocation.of(e, generated.get(e.file()), drl.get(e.file())) : e).distinct().toList();
        }
    }

    private static final Pattern CELL = Pattern.compile("\\bcell ([A-Z]{1,3})(\\d+)\\b");
    private static final String NO_TABLE = "No RuleTable cells in spreadsheet.";

    private DecisionTables() {
    }

    static boolean isTable(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || isWorkbook(name);
    }

    /** Workbooks are binary: in a rule set's file map (and on the API) they travel as base64 text. */
    static boolean isWorkbook(String file) {
        return file.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    static Expansion expand(Map<String, String> files) {
        Map<String, String> drl = new TreeMap<>();
        Map<String, Sheet> generated = new TreeMap<>();
        List<RuleError> errors = new ArrayList<>();
        files.forEach((file, content) -> {
            if (!isTable(file)) {
                drl.put(file, content);
            } else if (isWorkbook(file)) {
                expandWorkbook(file, content, drl, generated, errors);
            } else {
                Recorder recorder = new Recorder();
                // Drools reads a CSV stream in the JVM's default charset: hand it bytes in that charset
                Charset charset = Charset.defaultCharset();
                if (!charset.newEncoder().canEncode(content)) {
                    errors.add(new RuleError(file, 1, 1, "holds characters the service's default charset " + charset
                            + " cannot carry into Drools' CSV reader: run Java with -Dfile.encoding=UTF-8"));
                    return;
                }
                try {
                    String text = new org.drools.decisiontable.SpreadsheetCompiler().compile(
                            new ByteArrayInputStream(content.getBytes(charset)), InputType.CSV, recorder);
                    put(file + ".drl", text, new Sheet(file, "csv", recorder.cells), drl, generated);
                } catch (RuntimeException e) {
                    errors.add(conversionError(file, "csv", e));
                }
            }
        });
        return new Expansion(drl, generated, errors);
    }

    private static void expandWorkbook(String file, String base64, Map<String, String> drl, Map<String, Sheet> generated,
                                       List<RuleError> errors) {
        byte[] bytes;
        List<String> sheets = new ArrayList<>();
        try {
            bytes = Base64.getMimeDecoder().decode(base64.strip());
            try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
                workbook.forEach(s -> sheets.add(s.getSheetName()));
            }
        } catch (IOException | RuntimeException e) {
            errors.add(new RuleError(file, 1, 1, "is not a readable XLSX workbook (an .xlsx file travels as base64 text): "
                    + e.getMessage()));
            return;
        }
        int before = errors.size();
        int index = 0;
        for (String sheet : sheets) {
            index++;
            Recorder recorder = new Recorder();
            try {
                new ExcelParser(Map.of(sheet, List.<DataListener>of(recorder))).parseFile(new ByteArrayInputStream(bytes));
                DRLOutput out = new DRLOutput();
                recorder.getRuleSet().renderDRL(out);
                put(file + "." + index + ".drl", out.getDRL(), new Sheet(file, sheet, recorder.cells), drl, generated);
            } catch (RuntimeException e) {
                if (!NO_TABLE.equals(e.getMessage())) {
                    errors.add(conversionError(file, sheet, e)); // a sheet of notes beside the tables is fine
                }
            }
        }
        if (errors.size() == before && generated.values().stream().noneMatch(s -> s.table().equals(file))) {
            errors.add(new RuleError(file, 1, 1, "no sheet holds a 'RuleTable' cell, so the workbook defines no rules"));
        }
    }

    private static void put(String name, String text, Sheet sheet, Map<String, String> drl, Map<String, Sheet> generated) {
        drl.put(name, text);
        generated.put(name, sheet);
    }

    /** Drools names the failing cell in its message ("... in cell D11"); the error is placed there. */
    private static RuleError conversionError(String file, String sheet, RuntimeException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
        Matcher cell = CELL.matcher(message);
        if (cell.find()) {
            int row = Integer.parseInt(cell.group(2));
            return new RuleError(file, row, TableLocation.columnNumber(cell.group(1)),
                    TableLocation.where(sheet, row, cell.group(1)) + message);
        }
        return new RuleError(file, 1, 1, "sheet '" + sheet + "': " + message);
    }

    /** Drools' own listener, noting each non-empty cell (row 1-based, column 0-based) to locate errors later. */
    private static final class Recorder extends DefaultRuleSheetListener {
        final Map<Integer, Map<Integer, String>> cells = new TreeMap<>();

        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            if (value != null && !value.isBlank()) {
                cells.computeIfAbsent(row + 1, r -> new TreeMap<>()).put(column, value.strip());
            }
            super.newCell(row, column, value, mergedColStart);
        }
    }
}
