package com.alvh.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Limits at the public doors: bodies must be declared JSON (415), listings and impact analyses are bounded (400 naming
 * the parameter), dry runs are capped in size (413), and an audit database that cannot be written makes evaluations 503
 * and readiness DOWN until it can be written again, with no restart.
 */
@QuarkusTest
class DoorLimitsTest {

    /** The audit store's active datasource (injecting the default one fails where PostgreSQL is the active one). */
    @Inject
    com.alvh.audit.AuditDatabase database;

    /** Longer than Ready.await's 30 s: the first compile of a fresh app can take a minute on a loaded host. */
    @BeforeEach
    void ready() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (given().get("/q/health/ready").statusCode() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        Ready.await();
    }

    @Test
    void aPostWithoutContentTypeIs415() {
        given().body(Examples.text("cpi-next-day")).post("/api/v1/evaluations")
                .then().statusCode(415).contentType(startsWith(Problem.MEDIA_TYPE)).body("status", equalTo(415));
        given().body("{\"files\": {\"a.drl\": \"\"}}").post("/api/v1/rulesets/validate")
                .then().statusCode(415).contentType(startsWith(Problem.MEDIA_TYPE));
    }

    @Test
    void aPostDeclaredAsTextIs415() {
        given().contentType(ContentType.TEXT).body(Examples.text("cpi-next-day")).post("/api/v1/evaluations")
                .then().statusCode(415).contentType(startsWith(Problem.MEDIA_TYPE))
                .body("violations.field", hasItem("Content-Type"));
    }

    @Test
    void aBodilessPostIsNotAskedForAContentType() {
        given().post("/api/v1/evaluations/no-such-id/replay").then().statusCode(404);
    }

    @Test
    void listingsAndImpactAreBounded() {
        given().get("/api/v1/evaluations?limit=1001").then().statusCode(400).body("violations.field", hasItem("limit"));
        given().contentType(ContentType.JSON).body(Map.of("limit", 1_000_000))
                .post("/api/v1/rulesets/sha256:none/impact").then().statusCode(400).body("violations.field", hasItem("limit"));
        given().contentType(ContentType.JSON).body(Map.of("from", "2020-01-01T00:00:00Z", "to", "2024-01-01T00:00:00Z"))
                .post("/api/v1/rulesets/sha256:none/impact").then().statusCode(400).body("violations.field", hasItem("to"));
    }

    @Test
    void aDryRunIsCappedInSize() {
        String padded = Examples.text("cpi-next-day").replaceFirst("\\{",
                "{" + " ".repeat(300_000) + "\"ruleSetVersion\": \"sha256:" + "0".repeat(64) + "\",");
        given().contentType(ContentType.JSON).body(padded).post("/api/v1/evaluations")
                .then().statusCode(413).contentType(startsWith(Problem.MEDIA_TYPE));
    }

    @Test
    void anUnwritableAuditMakesEvaluationsAndReadiness503UntilItRecovers() throws Exception {
        // a trigger that fails every insert the way a full disk would (SQLState HY000: the database's fault, not the record's)
        // (on the writer's recovery probe table too, or the probe would find the database writable at once)
        execute("CREATE TRIGGER simulated_full_disk BEFORE INSERT ON evaluation FOR EACH ROW CALL \""
                + FullDisk.class.getName() + "\"");
        execute("CREATE TRIGGER simulated_full_disk_probe BEFORE UPDATE ON audit_write_probe FOR EACH ROW CALL \""
                + FullDisk.class.getName() + "\"");
        try {
            given().contentType(ContentType.JSON).body(Examples.text("cpi-next-day")).post("/api/v1/evaluations")
                    .then().statusCode(503).contentType(startsWith(Problem.MEDIA_TYPE)).header("Retry-After", equalTo("5"));
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'rules-and-profiles' }.data.reason", containsString("audit trail cannot be written"));
        } finally {
            execute("DROP TRIGGER simulated_full_disk");
            execute("DROP TRIGGER simulated_full_disk_probe");
        }
        given().contentType(ContentType.JSON).body(Examples.text("cpi-next-day")).post("/api/v1/evaluations")
                .then().statusCode(200);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (given().get("/q/health/ready").statusCode() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** Fails every write of the table it is attached to, as a database out of space would. */
    public static class FullDisk implements org.h2.api.Trigger {
        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
            throw new SQLException("simulated: no space left on device", "HY000");
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
