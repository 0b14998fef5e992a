package com.alvh.backtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.alvh.backtest.GeneratedMarket;
import com.alvh.backtest.MarketHistory;
import com.alvh.console.Browser;
import com.alvh.research.cli.AlvhCli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Opens a generated report.html from disk in headless Chromium (no server, no network) and checks that ECharts drew
 * every chart: an instance per chart with its series data, and pixels on its canvas. Screenshots go to
 * target/console-screenshots/report-*.png.
 */
class ReportInBrowserTest {

    private static final List<String> CHARTS = List.of("chart-equity", "chart-underwater", "chart-ratio",
            "chart-monthly-unhedged", "chart-monthly-static", "chart-monthly-alvh", "chart-attribution");

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void theReportDrawsEveryChartOfflineWithItsDataAndTables() throws Exception {
        // 2019-01-02 onwards with a sell-off in the middle, so the 2020-02..04 stress window is inside the run.
        MarketHistory market = GeneratedMarket.history(420);
        GeneratedMarket.writeFiles(market, dir);
        Path out = dir.resolve("out");
        assertEquals(0, AlvhCli.run("backtest", "--quiet", "--profile", "balanced", "--spx", dir.resolve("spx.csv").toString(),
                "--vix", dir.resolve("vix.csv").toString(), "--vix3m", dir.resolve("vix3m.csv").toString(),
                "--events", dir.resolve("events.csv").toString(), "--from", market.days().get(40).date().toString(),
                "--to", market.days().get(419).date().toString(), "--out", out.toString()));
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        int days = report.get("days").asInt();

        try (Browser browser = Browser.open(out.toUri().toURL())) {
            browser.go("/report.html");
            browser.find("body[data-charts-ready='" + CHARTS.size() + "']");
            for (String id : CHARTS) {
                Map<String, Object> drawn = (Map<String, Object>) browser.script("""
                        var el = document.getElementById('%s');
                        var chart = echarts.getInstanceByDom(el);
                        if (!chart) { return {instance: false}; }
                        var points = chart.getOption().series.map(function (s) { return s.data.length; });
                        var canvas = el.querySelector('canvas');
                        var pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                        var inked = 0;
                        for (var i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { inked++; } }
                        return {instance: true, points: points, inked: inked, width: canvas.width};
                        """.formatted(id));
                assertEquals(true, drawn.get("instance"), id + " has an ECharts instance");
                List<Long> points = (List<Long>) drawn.get("points");
                assertTrue(points.stream().mapToLong(Long::longValue).sum() > 0, id + " has series data: " + points);
                assertTrue((Long) drawn.get("inked") > 2000, id + " has pixels drawn: " + drawn);
            }
            // Equity: three arms with a point per day, and markers for the layers the hedged arms traded.
            List<Long> equity = (List<Long>) browser.script(
                    "return echarts.getInstanceByDom(document.getElementById('chart-equity')).getOption().series"
                    + ".map(function (s) { return s.data.length; });");
            assertEquals(List.of((long) days, (long) days, (long) days), equity.subList(0, 3));
            assertTrue(equity.get(3) > 0, "layers opened are marked: " + equity);
            // The months of the heatmap cover the run: its first to its last month.
            assertEquals(monthsBetween(report.get("from").asText(), report.get("to").asText()), ((Long) browser.script(
                    "return echarts.getInstanceByDom(document.getElementById('chart-monthly-alvh')).getOption()"
                    + ".series[0].data.length;")).intValue());
            // A tooltip names the rule behind a layer action on the day hovered.
            String tip = (String) browser.script("""
                    var chart = echarts.getInstanceByDom(document.getElementById('chart-equity'));
                    var opened = chart.getOption().series[3].data[0].value[0];
                    var day = chart.getOption().xAxis[0].data.indexOf(opened);
                    chart.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: day});
                    var tip = document.querySelector('#chart-equity div[style*="z-index"]');
                    return tip ? tip.textContent : '';
                    """);
            assertTrue(tip.contains("OPENED") && tip.contains("rule:"), "tooltip: " + tip);

            assertEquals(10, browser.all("#stress tbody tr").size(), "ten stress windows");
            assertTrue(browser.find("#stress tbody").getText().contains("COVID crash"));
            assertTrue(browser.all("#attribution tbody tr").size() >= 2, "static and alvh rules attributed");
            assertEquals(3, browser.all("#summary tbody tr").size());
            browser.screenshot("report-top");
            browser.script("document.getElementById('stress').scrollIntoView();");
            browser.screenshot("report-stress");
            browser.script("document.getElementById('chart-monthly-alvh').scrollIntoView();");
            browser.screenshot("report-monthly");
        }
        assertTrue(Files.size(Browser.SCREENSHOTS.resolve("report-top.png")) > 10_000);
    }

    /**
     * A sweep report from a 3×2 grid of made-up results (no simulation needed): both heatmaps have a cell per
     * (x, y) pair, the frontier has every variant, and the ranking table lists them.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theSweepReportDrawsItsHeatmapsAndFrontier() throws Exception {
        var spec = com.alvh.research.SweepSpec.of(new org.yaml.snakeyaml.Yaml().load("""
                parameters: {proximitySigma: [0.5, 1.0, 1.5], calmVixMax: [14, 18]}
                fit: {from: 2015-01-01, to: 2020-12-31}
                test: {from: 2021-01-01, to: 2022-12-31}
                walkForward: {mode: anchored, folds: 2}
                pboBlocks: 4
                """));
        java.util.Random random = new java.util.Random(7);
        List<com.alvh.research.VariantResult> variants = new java.util.ArrayList<>();
        var grid = spec.variants();
        for (int id = 0; id < grid.size(); id++) {
            double[] pnl = random.doubles(400).map(x -> x - 0.45).toArray();
            List<com.alvh.research.FoldResult> folds = new java.util.ArrayList<>();
            for (var fold : spec.folds()) {
                folds.add(new com.alvh.research.FoldResult(fold.index(), fold.fit(), fold.test(),
                        metrics(1000 * id, 500 + 100 * id, 300 - 40 * id), 0.5, metrics(100 * id, 300, 100), 0.1));
            }
            variants.add(new com.alvh.research.VariantResult(id, grid.get(id), folds,
                    com.alvh.research.ReturnStats.of(pnl, 4)));
        }
        Path out = Files.createDirectories(dir.resolve("sweep"));
        com.alvh.research.SweepResults.finish(spec, variants, out);
        try (Browser browser = Browser.open(out.toUri().toURL())) {
            browser.go("/report.html");
            browser.find("body[data-charts-ready='3']");
            List<Long> cells = (List<Long>) browser.script("""
                    return ['chart-heat-fit', 'chart-heat-test', 'chart-frontier'].map(function (id) {
                      return echarts.getInstanceByDom(document.getElementById(id)).getOption().series[0].data.length;
                    });""");
            assertEquals(List.of(6L, 6L, 6L), cells);
            assertEquals(6, browser.all("#ranking tbody tr").size());
            assertEquals(2, browser.all("#walk-forward tbody tr").size());
            browser.screenshot("sweep-report-top");
        }
    }

    private static com.alvh.backtest.Metrics metrics(double pnl, double drawdown, double hedgeCost) {
        return new com.alvh.backtest.Metrics(pnl, 0, drawdown, 0, hedgeCost, 0, 0, 0, Map.of(), 0, 0);
    }

    private static int monthsBetween(String from, String to) {
        var a = java.time.YearMonth.parse(from.substring(0, 7));
        var b = java.time.YearMonth.parse(to.substring(0, 7));
        return (int) a.until(b, java.time.temporal.ChronoUnit.MONTHS) + 1;
    }
}
