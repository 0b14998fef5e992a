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

        String html = Files.readString(out.resolve("report.html"));
        assertEquals(3, html.split("<svg", -1).length - 1, "equity, hedge ratio and VIX charts");
        assertFalse(html.contains("<script") || html.contains("<link") || html.contains("http://cdn"), "self-contained");
    }
}
