package com.alvh.backtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.alvh.backtest.report.BacktestPage;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a backtest's files: {@code report.json} (metrics and config), {@code report.html} (one self-contained page,
 * charts by ECharts inlined, see {@link BacktestPage}), {@code actions.log} and {@code daily.csv}.
 */
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
        json.put("arms", result.arms().stream().map(a -> Map.of("name", a.name(), "metrics", a.metrics(),
                "pnlByOpeningRule", a.ledger().pnlByOpeningRule())).toList());
        json.put("years", YearlyPnl.of(result));
        json.put("config", result.config());
        // NaN (an IRR without a root, a coverage without costs) has no JSON form: write it as a string.
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .configure(com.fasterxml.jackson.core.json.JsonWriteFeature.WRITE_NAN_AS_STRINGS.mappedFeature(), true)
                .writeValue(dir.resolve("report.json").toFile(), json);
        Files.writeString(dir.resolve("report.html"), BacktestPage.render(result));
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
}
