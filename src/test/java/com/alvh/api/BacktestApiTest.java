package com.alvh.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.alvh.backtest.GeneratedMarket;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** An API client submits a backtest with its CSV files inline, polls it, and fetches both reports. */
@QuarkusTest
class BacktestApiTest {

    @BeforeEach
    void ready() {
        Ready.await();
    }

    @Test
    void runsABacktestAsAJobAndServesItsReports(@TempDir Path dir) throws IOException {
        var market = GeneratedMarket.history(260);
        GeneratedMarket.writeFiles(market, dir);
        Map<String, String> files = new HashMap<>();
        for (String role : List.of("spx", "vix", "vix3m", "events")) {
            files.put(role, Files.readString(dir.resolve(role + ".csv")));
        }
        Map<String, Object> body = Map.of("profile", "balanced", "from", market.days().get(70).date().toString(),
                "to", market.days().get(259).date().toString(), "files", files);

        var accepted = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/backtests")
                .then().statusCode(202).extract();
        String id = accepted.path("id");
        assertTrue(accepted.header("Location").endsWith("/api/v1/backtests/" + id), accepted.header("Location"));
        JsonPath job = awaitDone(id);
        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals("balanced", job.getString("profile"));

        // Kept on disk under the data directory, and listed.
        assertTrue(Files.isRegularFile(Path.of("target/test-data/backtests", id, "job.json")));
        assertTrue(Files.isRegularFile(Path.of("target/test-data/backtests", id, "report.html")));
        List<String> listed = given().when().get("/api/v1/backtests").then().statusCode(200).extract().path("id");
        assertTrue(listed.contains(id), listed.toString());

        JsonPath report = given().when().get("/api/v1/backtests/" + id + "/report.json").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("unhedged", "static", "alvh"), report.getList("arms.name"));
        assertTrue(report.getMap("arms[2].metrics").containsKey("coverageRatio"));
        String html = given().when().get("/api/v1/backtests/" + id + "/report.html").then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertTrue(html.contains("echarts.init(") && html.contains("id=\"report-data\""), "charts by the inlined ECharts");
    }

    @Test
    void aBadRowIsRefusedWithItsFileAndLine() {
        Map<String, Object> body = Map.of("profile", "balanced", "from", "2020-01-01", "to", "2020-12-31",
                "files", Map.of("spx", "date,open,high,low,close\n2020-01-02,1,2,3,oops\n", "vix", "DATE,OPEN,HIGH,LOW,CLOSE\n"));
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/backtests")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("files"))
                .body("violations[0].message", org.hamcrest.Matchers.startsWith("spx.csv:2:"));
    }

    @Test
    void aBadParameterOverrideIsRefusedNamingIt() {
        Map<String, Object> body = Map.of("profile", "balanced", "from", "2020-01-01", "to", "2020-12-31",
                "files", Map.of("spx", "date,open,high,low,close\n", "vix", "DATE,OPEN,HIGH,LOW,CLOSE\n"),
                "config", Map.of("shortDelta", 0.9));
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/backtests")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("config.shortDelta"));
    }

    @Test
    void anUnknownJobIs404() {
        given().when().get("/api/v1/backtests/nope").then().statusCode(404).contentType("application/problem+json");
    }

    private static JsonPath awaitDone(String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonPath job;
        do {
            job = given().when().get("/api/v1/backtests/" + id).then().statusCode(200).extract().jsonPath();
            if (!"RUNNING".equals(job.getString("status"))) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } while (Instant.now().isBefore(deadline));
        return job;
    }
}
