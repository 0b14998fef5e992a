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

    private static int monthsBetween(String from, String to) {
        var a = java.time.YearMonth.parse(from.substring(0, 7));
        var b = java.time.YearMonth.parse(to.substring(0, 7));
        return (int) a.until(b, java.time.temporal.ChronoUnit.MONTHS) + 1;
    }
}
