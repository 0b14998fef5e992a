package com.alvh.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import com.alvh.hedge.Signal;
import com.alvh.market.Indicators;
import com.alvh.market.MarketSnapshot;

/**
 * Decision tables go through the one compile path: converted to DRL, compiled, verified by the sandbox. The fixture
 * (src/test/resources/tables/overbought-by-regime.csv) holds one rule per VIX regime in rows 10 to 12.
 */
class DecisionTableTest {

    private static final RuleSetCompiler COMPILER = new RuleSetCompiler(DecisionTableTest.class.getClassLoader(),
            Clock.systemUTC());
    private static final String FILE = "overbought-by-regime.csv";

    static String fixture() throws IOException {
        return Files.readString(Path.of("src/test/resources/tables", FILE), StandardCharsets.UTF_8);
    }

    private static List<Signal> signals(CompiledRuleSet rules, double vix, double rsi) {
        RuleOutcome outcome = RuleSessionRunner.run(rules, List.of(new MarketSnapshot(LocalDate.of(2024, 3, 1), 5100, vix),
                new Indicators(rsi, 40.0, null, null, null, null, false, null)), 100);
        return outcome.conclusionsOf(Signal.class).map(RuleOutcome.Attributed::fact).toList();
    }

    @Test
    void aCsvTableCompilesAndFiresTheRowOfTheRegime() throws IOException {
        RuleSetCompiler.Result result = COMPILER.compile(Map.of(FILE, fixture()));
        assertTrue(result.valid(), () -> result.errors().toString());
        CompiledRuleSet rules = result.ruleSet();
        // Drools names a table's rules after the table and the spreadsheet row
        assertEquals(List.of("Overbought for the VIX regime_10", "Overbought for the VIX regime_11",
                "Overbought for the VIX regime_12"), rules.rules().stream().map(RuleInfo::name).sorted().toList());
        assertEquals(FILE, rules.fileOf("Overbought for the VIX regime_11").orElseThrow());

        // VIX 18 is the normal regime (15 to 25): overbought from RSI 70, so 72 fires and 68 does not
        List<Signal> normal = signals(rules, 18, 72);
        assertEquals(1, normal.size());
        assertEquals(new Signal("OVERBOUGHT_IN_REGIME", 72, 70, "SPX RSI(14) is overbought for a normal VIX"), normal.get(0));
        assertEquals(List.of(), signals(rules, 18, 68));
        // the same RSI 72 is not overbought in a calm regime (VIX 12: from 75) but is in a stressed one (VIX 30: from 65)
        assertEquals(List.of(), signals(rules, 12, 72));
        assertEquals(65, signals(rules, 30, 72).get(0).threshold());
    }

    @Test
    void theVersionCoversTheTableAndItsFiringsNameIt() throws IOException {
        String table = fixture();
        CompiledRuleSet rules = COMPILER.compile(Map.of(FILE, table)).ruleSet();
        CompiledRuleSet edited = COMPILER.compile(Map.of(FILE, table.replace("\"15,25\",70", "\"15,25\",71"))).ruleSet();
        assertNotEquals(rules.version(), edited.version());
        assertEquals(table, rules.files().get(FILE));
        RuleOutcome outcome = RuleSessionRunner.run(rules, List.of(new MarketSnapshot(LocalDate.of(2024, 3, 1), 5100, 18),
                new Indicators(72.0, 40.0, null, null, null, null, false, null)), 100);
        assertEquals(FILE, outcome.firings().get(0).ruleFile());
    }

    @Test
    void aBadCellIsLocatedBySheetRowAndColumn() throws IOException {
        // a priority must be a whole number: row 11 of column D holds "high"
        String table = fixture().replace("CONDITION,CONDITION,ACTION", "CONDITION,CONDITION,ACTION,PRIORITY")
                .replace("\"15,25\",70,\"70,normal\"", "\"15,25\",70,\"70,normal\",high");
        RuleSetCompiler.Result result = COMPILER.compile(Map.of(FILE, table));
        assertFalse(result.valid());
        RuleError error = result.errors().get(0);
        assertEquals(new RuleError(FILE, 11, 4, error.message()), error);
        assertTrue(error.message().startsWith("sheet 'csv', row 11, column D: "), error.message());
    }

    @Test
    void aCellThatDoesNotCompileIsLocatedAtItsRow() throws IOException {
        // row 11's threshold is not a number: the generated rule "..._11" fails in Drools' compile
        String table = fixture().replace("\"15,25\",70,", "\"15,25\",seventy,");
        RuleSetCompiler.Result result = COMPILER.compile(Map.of(FILE, table));
        assertFalse(result.valid());
        RuleError error = result.errors().get(0);
        assertEquals(FILE, error.file());
        assertEquals(11, error.line(), error.toString());
        assertEquals(2, error.column(), error.toString());
        assertTrue(error.message().startsWith("sheet 'csv', row 11, column B: "), error.message());
    }

    @Test
    void anActionCellCallingSystemExitIsRefusedByTheSandbox() throws IOException {
        String table = fixture().replace("ACTION\n", "ACTION,ACTION\n").replace("$i : Indicators,\n", "$i : Indicators,,\n")
                .replace("VIX\"\"));\"\n", "VIX\"\"));\",$param\n")
                .replace("\"threshold, regime\"\n", "\"threshold, regime\",extra\n")
                .replace("\"65,stressed\"\n", "\"65,stressed\",System.exit(1);\n");
        RuleSetCompiler.Result result = COMPILER.compile(Map.of(FILE, table));
        assertFalse(result.valid(), "a table calling System.exit must not compile");
        RuleError error = result.errors().get(0);
        assertEquals(FILE, error.file());
        assertEquals(12, error.line(), error.toString());
        assertEquals(4, error.column(), error.toString());
        assertTrue(error.message().contains("'System' is not allowed"), error.message());
    }

    @Test
    void anXlsxWorkbookCompilesAndAnErrorNamesItsSheet() throws IOException {
        List<List<String>> rows = fixture().lines().map(DecisionTableTest::csvCells).toList();
        RuleSetCompiler.Result good = COMPILER.compile(Map.of("regimes.xlsx", workbook(rows)));
        assertTrue(good.valid(), () -> good.errors().toString());
        assertEquals(3, good.ruleSet().rules().size());
        assertEquals("regimes.xlsx", good.ruleSet().rules().get(0).file());

        // a priority that is not a whole number, in cell D11 of the second sheet
        List<List<String>> bad = new java.util.ArrayList<>(rows);
        bad.set(5, List.of("CONDITION", "CONDITION", "ACTION", "PRIORITY"));
        bad.set(10, List.of("15,25", "70", "70,normal", "high"));
        RuleSetCompiler.Result result = COMPILER.compile(Map.of("regimes.xlsx", workbook(bad)));
        assertFalse(result.valid());
        RuleError error = result.errors().get(0);
        assertEquals(new RuleError("regimes.xlsx", 11, 4, error.message()), error);
        assertTrue(error.message().startsWith("sheet 'Thresholds', row 11, column D: "), error.message());
    }

    @Test
    void theRulesDirectoryYieldsTablesWorkbooksAsBase64AndSkipsOfficeLockFiles(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        byte[] workbook = Base64.getDecoder().decode(workbook(List.of(List.of("RuleTable Empty"))));
        Files.writeString(dir.resolve("a.drl"), "package alvh.rules;\n");
        Files.writeString(dir.resolve("regimes.csv"), fixture());
        Files.write(dir.resolve("book.xlsx"), workbook);
        Files.write(dir.resolve("~$book.xlsx"), new byte[] {1, 2, 3});
        Files.writeString(dir.resolve("notes.txt"), "not a rule file");
        Map<String, String> files = SourceFiles.drl(dir);
        assertEquals(List.of("a.drl", "book.xlsx", "regimes.csv"), List.copyOf(files.keySet()));
        assertTrue(java.util.Arrays.equals(workbook, Base64.getDecoder().decode(files.get("book.xlsx"))));
        assertEquals(fixture(), files.get("regimes.csv"));
    }

    /** A workbook with a notes sheet first and the table on a sheet named Thresholds, as base64. */
    private static String workbook(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("Notes").createRow(0).createCell(0).setCellValue("Thresholds are on the next sheet");
            Sheet sheet = book.createSheet("Thresholds");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            book.write(out);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        }
    }

    /** Splits one CSV line of the fixture (quoted cells, doubled quotes inside). */
    private static List<String> csvCells(String line) {
        List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
