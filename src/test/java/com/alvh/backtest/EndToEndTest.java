package com.alvh.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class EndToEndTest {

    @TempDir
    Path dir;

    @Test
    void theCommandWritesAJsonAndASelfContainedHtmlReportWithThreeArms() throws Exception {
        MarketHistory market = GeneratedMarket.history(160);
        GeneratedMarket.writeFiles(market, dir);
        Path out = dir.resolve("out");
        int exit = com.alvh.research.cli.AlvhCli.run(new String[] {"backtest", "--quiet", "--profile", "balanced", "--spx", dir.resolve("spx.csv").toString(),
                "--vix", dir.resolve("vix.csv").toString(), "--vix3m", dir.resolve("vix3m.csv").toString(),
                "--events", dir.resolve("events.csv").toString(), "--from", market.days().get(50).date().toString(),
                "--to", market.days().get(159).date().toString(), "--out", out.toString()});
        assertEquals(0, exit);

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(110, report.get("days").asInt());
        List<String> names = new ArrayList<>();
        report.get("arms").forEach(a -> names.add(a.get("name").asText()));
        assertEquals(List.of("unhedged", "static", "alvh"), names);
        JsonNode unhedged = report.get("arms").get(0).get("metrics");
        assertEquals(0.0, unhedged.get("hedgeCost").asDouble());
        assertTrue(unhedged.get("rebalancingCosts").asDouble() > 0, "condor commissions are rebalancing costs");
        assertTrue(report.get("arms").get(1).get("metrics").get("hedgeCost").asDouble() > 0);
        assertEquals(0.5, report.get("config").get("staticHedgeRatio").asDouble());

        // The yearly P&L adds up to the total P&L of each arm.
        for (int a = 0; a < 3; a++) {
            double sum = 0;
            for (JsonNode year : report.get("years")) {
                sum += year.get("pnlByArm").get(names.get(a)).asDouble();
            }
            assertEquals(report.get("arms").get(a).get("metrics").get("totalPnl").asDouble(), sum, 0.05);
        }

        // The layers each rule opened add up to the arm's hedge P&L (costs included, open layers marked).
        for (JsonNode arm : report.get("arms")) {
            double attributed = 0;
            for (JsonNode pnl : arm.get("pnlByOpeningRule")) {
                attributed += pnl.asDouble();
            }
            assertEquals(arm.get("metrics").get("hedgePnl").asDouble(), attributed, 0.05, arm.get("name").asText());
        }

        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<script type=\"application/json\" id=\"report-data\">"), "data embedded as JSON");
        assertTrue(html.contains("echarts.init(") && html.length() > 900_000, "ECharts inlined (about 1 MB)");
        assertFalse(html.contains("<svg") || html.contains("<link") || html.contains("src=\"http")
                || html.contains("src='http"), "self-contained, nothing fetched");
        assertTrue(html.contains("<td class=\"name\">Financial crisis</td>"), "stress windows listed");
    }
}
