package com.alvh.research;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.alvh.backtest.Metrics;
import com.fasterxml.jackson.core.JsonGenerator;

/** The results table of a sweep: {@code results.csv} (a row per variant and fold, in rank order) and {@code results.json}. */
final class SweepTables {

    private static final String[] METRICS = {"totalPnl", "maxDrawdown", "returnOverDrawdown", "sharpe", "hedgeCost",
        "hedgePnl", "modelledDays"};

    private SweepTables() {
    }

    static void writeCsv(SweepSpec spec, List<Ranking.Ranked> ranking, double sharpeVariance, Path file)
            throws IOException {
        try (BufferedWriter csv = Files.newBufferedWriter(file)) {
            List<String> cols = new ArrayList<>(List.of("rank", "variant", "feasible", "fold"));
            cols.addAll(spec.parameters().keySet());
            cols.addAll(List.of("fit_from", "fit_to", "test_from", "test_to"));
            for (String window : List.of("fit", "test")) {
                for (String m : METRICS) {
                    cols.add(window + "_" + m);
                }
            }
            cols.add("dsr");
            csv.write(String.join(",", cols) + "\n");
            for (Ranking.Ranked r : ranking) {
                VariantResult v = r.variant();
                String dsr = num(SweepResults.dsr(v, ranking.size(), sharpeVariance));
                for (FoldResult f : v.folds()) {
                    List<String> cells = new ArrayList<>(List.of(String.valueOf(r.rank()), String.valueOf(v.id()),
                            String.valueOf(r.feasible()), String.valueOf(f.fold())));
                    spec.parameters().keySet().forEach(k -> cells.add(csvCell(String.valueOf(v.parameters().get(k)))));
                    cells.add(f.fitWindow() == null ? "" : f.fitWindow().from().toString());
                    cells.add(f.fitWindow() == null ? "" : f.fitWindow().to().toString());
                    cells.add(f.testWindow() == null ? "" : f.testWindow().from().toString());
                    cells.add(f.testWindow() == null ? "" : f.testWindow().to().toString());
                    cells.addAll(metricCells(f.fit(), f.fitSharpe()));
                    cells.addAll(metricCells(f.test(), f.testSharpe()));
                    cells.add(dsr);
                    csv.write(String.join(",", cells) + "\n");
                }
            }
        }
    }

    private static List<String> metricCells(Metrics m, double sharpe) {
        if (m == null) {
            return Collections.nCopies(METRICS.length, "");
        }
        return List.of(num(m.totalPnl()), num(m.maxDrawdown()), num(Objective.returnOverDrawdown(m)), num(sharpe),
                num(m.hedgeCost()), num(m.hedgePnl()), String.valueOf(m.modelledDays()));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** Streams the ranking, so the JSON of a large sweep is never held whole in memory. */
    static void writeJson(SweepSpec spec, SweepResults.Summary s, double sharpeVariance, Path file) throws IOException {
        try (JsonGenerator json = SweepFiles.JSON.getFactory().createGenerator(file.toFile(),
                com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.setCodec(SweepFiles.JSON);
            json.writeStartObject();
            json.writeObjectField("objective", spec.objective());
            json.writeObjectField("constraints", spec.constraints().stream().map(Constraint::toString).toList());
            json.writeObjectField("fit", spec.fit());
            json.writeObjectField("test", spec.test());
            json.writeObjectField("walkForward", SweepFiles.ordered("mode", spec.walkForward().mode(), "folds", s.walkForward()));
            json.writeNumberField("variants", s.variants());
            json.writeObjectField("pbo", s.pbo() == null ? null : SweepFiles.ordered("value", s.pbo().pbo(), "splits",
                    s.pbo().splits(), "blocks", spec.pboBlocks(), "method", "CSCV (Bailey, Borwein, López de Prado, Zhu 2017)"
                    + " on daily P&L of the first fold's fit window, Sharpe ranked"));
            json.writeObjectField("deflatedSharpe", s.dsr() == null ? null : SweepFiles.ordered("best", s.dsr().dsr(),
                    "expectedMaxDailySharpe", s.dsr().expectedMaxSharpe(), "trials", s.dsr().trials(),
                    "dailySharpeVariance", sharpeVariance, "method", "Bailey & López de Prado 2014, on daily P&L of the"
                            + " first fold's fit window of the top-ranked variant"));
            json.writeArrayFieldStart("ranking");
            for (Ranking.Ranked r : s.ranking()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("rank", r.rank());
                m.put("variant", r.variant().id());
                m.put("feasible", r.feasible());
                m.put("parameters", r.variant().parameters());
                m.put("fitObjective", r.fitScore());
                m.put("testObjective", r.testScore());
                m.put("dsr", SweepResults.dsr(r.variant(), s.variants(), sharpeVariance));
                m.put("fit", r.variant().fit());
                m.put("fitSharpe", r.variant().fitSharpe());
                m.put("test", r.variant().test());
                m.put("testSharpe", r.variant().testSharpe());
                m.put("folds", r.variant().folds());
                json.writeObject(m);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /** A value as one CSV field (RFC 4180 quoting by Commons CSV), e.g. a list such as eventTypes [FOMC, CPI]. */
    static String csvCell(String value) {
        return org.apache.commons.csv.CSVFormat.DEFAULT.format(value);
    }
}
