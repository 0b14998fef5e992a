package com.alvh.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.alvh.backtest.GeneratedMarket;
import com.alvh.backtest.MarketHistory;
import com.alvh.testing.TestCallers;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The strategist's backtest page in a real browser: files chosen in the form, the job polled, and the finished report
 * embedded in the page with its ECharts charts drawn (inside the frame, served by the API).
 */
@QuarkusTest
class BacktestPageBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aBacktestStartedFromTheConsoleShowsItsReportWithChartsDrawn() throws Exception {
        awaitReady();
        MarketHistory market = GeneratedMarket.history(200);
        Path files = GeneratedMarket.writeFiles(market, Files.createTempDirectory("alvh-console-backtest"));
        try (Browser browser = Browser.open(base)) {
            browser.signIn(TestCallers.STRATEGIST);
            browser.go("/console/backtests");
            browser.setValue("#bt-from", market.days().get(40).date().toString());
            browser.setValue("#bt-to", market.days().get(199).date().toString());
            browser.find("#bt-spx").sendKeys(files.resolve("spx.csv").toAbsolutePath().toString());
            browser.find("#bt-vix").sendKeys(files.resolve("vix.csv").toAbsolutePath().toString());
            browser.find("#bt-vix3m").sendKeys(files.resolve("vix3m.csv").toAbsolutePath().toString());
            browser.click("#bt-start");
            browser.find("#bt-report");
            // The frame is same-origin: read the charts through its window once the report says they are drawn.
            Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
            Object drawn = null;
            while (Instant.now().isBefore(deadline)) {
                drawn = browser.script("""
                        var w = document.getElementById('bt-report').contentWindow;
                        if (!w || !w.document.body || w.document.body.getAttribute('data-charts-ready') !== '7') { return null; }
                        return w.echarts.getInstanceByDom(w.document.getElementById('chart-equity')).getOption()
                          .series[0].data.length;
                        """);
                if (drawn != null) {
                    break;
                }
                Thread.sleep(500);
            }
            assertEquals(160L, drawn, "the embedded report's equity chart has a point per simulated day");
            browser.script("document.getElementById('bt-report').scrollIntoView();");
            browser.screenshot("13-backtest-report-embedded");
            assertTrue(browser.find("#bt-status").getText().startsWith("Done"), browser.find("#bt-status").getText());
        }
    }

    private static void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (given().when().get("/q/health/ready").statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("service not ready within 60 s");
    }
}
