package com.alvh.backtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes {@code report.json} (metrics and config) and a self-contained {@code report.html} with SVG charts. */
public final class BacktestReport {

    private BacktestReport() {
    }

    public static void write(BacktestResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("profile", result.profile());
        json.put("from", result.dates().get(0).toString());
        json.put("to", result.dates().get(result.dates().size() - 1).toString());
        json.put("days", result.dates().size());
        json.put("arms", result.arms().stream().map(a -> Map.of("name", a.name(), "metrics", a.metrics())).toList());
        json.put("years", YearlyPnl.of(result));
        json.put("config", result.config());
        // NaN (an IRR without a root, a coverage without costs) has no JSON form: write it as a string.
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .configure(com.fasterxml.jackson.core.json.JsonWriteFeature.WRITE_NAN_AS_STRINGS.mappedFeature(), true)
                .writeValue(dir.resolve("report.json").toFile(), json);
        Files.writeString(dir.resolve("report.html"), html(result));
        // The actions, day by day, so a surprising figure can be traced to the decisions behind it.
        StringBuilder log = new StringBuilder();
        for (BacktestResult.Arm arm : result.arms()) {
            arm.run().actionLog(result.dates(), result.dates().size()).forEach(a -> log.append(arm.name()).append(' ')
                    .append(a).append('\n'));
        }
        Files.writeString(dir.resolve("actions.log"), log);
        Files.writeString(dir.resolve("daily.csv"), daily(result));
    }

    /** One row per day: VIX, then equity and hedge ratio of each arm, for analysis outside the report. */
    static String daily(BacktestResult r) {
        StringBuilder csv = new StringBuilder("date,vix");
        r.arms().forEach(a -> csv.append(',').append(a.name()).append("_equity,").append(a.name()).append("_ratio"));
        csv.append('\n');
        for (int i = 0; i < r.dates().size(); i++) {
            csv.append(r.dates().get(i)).append(',').append(r.vix().get(i));
            for (BacktestResult.Arm a : r.arms()) {
                csv.append(String.format(Locale.ROOT, ",%.2f,%.2f", a.run().equity().get(i), a.run().hedgeRatio().get(i)));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    static String html(BacktestResult r) {
        Map<String, List<Double>> equity = new LinkedHashMap<>();
        Map<String, List<Double>> ratio = new LinkedHashMap<>();
        r.arms().forEach(a -> equity.put(a.name(), a.run().equity()));
        r.arms().stream().filter(a -> !a.name().equals("unhedged")).forEach(a -> ratio.put(a.name(), a.run().hedgeRatio()));
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset='utf-8'><title>ALVH backtest</title>"
                + "</head><body style='font-family:sans-serif'>");
        html.append(String.format("<h1>ALVH backtest: profile %s, %s to %s (%d days)</h1>", SvgChart.escape(r.profile()),
                r.dates().get(0), r.dates().get(r.dates().size() - 1), r.dates().size()));
        html.append("<table border='1' cellpadding='4' style='border-collapse:collapse'><tr><th>arm</th><th>total P&amp;L $</th>"
                + "<th>IRR</th><th>max drawdown $</th><th>worst day $</th><th>hedge cost $</th><th>rebalancing costs $</th>"
                + "<th>hedge P&amp;L $</th><th>coverage</th><th>actions per rule</th></tr>");
        for (BacktestResult.Arm a : r.arms()) {
            Metrics m = a.metrics();
            html.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.0f</td><td>%.2f%%</td><td>%.0f</td><td>%.0f</td>"
                    + "<td>%.0f</td><td>%.0f</td><td>%.0f</td><td>%.2f</td><td>%s</td></tr>", a.name(), m.totalPnl(),
                    m.irr() * 100, m.maxDrawdown(), m.worstDay(), m.hedgeCost(), m.rebalancingCosts(), m.hedgePnl(),
                    m.coverageRatio(), SvgChart.escape(m.actionsPerRule().toString())));
        }
        html.append("</table><h2>P&amp;L per calendar year</h2><table border='1' cellpadding='4' "
                + "style='border-collapse:collapse'><tr><th>year</th>");
        r.arms().forEach(a -> html.append("<th>").append(a.name()).append("</th>"));
        html.append("</tr>");
        for (YearlyPnl year : YearlyPnl.of(r)) {
            html.append("<tr><td>").append(year.year()).append("</td>");
            year.pnlByArm().values().forEach(v -> html.append(String.format(Locale.ROOT, "<td>%.0f</td>", v)));
            html.append("</tr>");
        }
        html.append("</table>");
        html.append("<p>").append(SvgChart.lines("Equity ($) by arm", r.dates(), equity)).append("</p>");
        html.append("<p>").append(SvgChart.lines("Hedge ratio", r.dates(), ratio)).append("</p>");
        html.append("<p>").append(SvgChart.lines("VIX", r.dates(), Map.of("VIX", r.vix()))).append("</p>");
        html.append("<p>Breadth divergence is not backtested: no advance/decline history, so every day passes "
                + "spxAtHigh=false. Config: ").append(SvgChart.escape(r.config().toString())).append("</p>");
        return html.append("</body></html>").toString();
    }
}
