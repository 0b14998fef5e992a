package com.alvh.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.alvh.audit.AuditDatabase;
import com.alvh.audit.AuditTrail;
import com.alvh.audit.EvaluationQuery;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * An evaluation whose record cannot be written is not answered: 503 problem+json with Retry-After, on the path that
 * answers from the audit writer's commit without a worker thread, and the service answers again once writes succeed.
 */
@QuarkusTest
class AuditUnavailableTest {

    @Inject
    AuditDatabase database;

    @Inject
    AuditTrail audit;

    @BeforeEach
    void ready() {
        Ready.await();
    }

    @AfterEach
    void allowInserts() throws SQLException {
        sql("DROP TRIGGER IF EXISTS test_refuse_inserts");
    }

    @Test
    void anEvaluationThatCannotBeRecordedIsNotAnsweredAndServiceRecovers() throws Exception {
        long before = audit.count(new EvaluationQuery(null, null, null, null, null, 50, 0));
        sql("CREATE TRIGGER test_refuse_inserts BEFORE INSERT ON evaluation FOR EACH ROW CALL '"
                + RefuseInsertsTrigger.class.getName() + "'");

        given().contentType("application/json").body(Examples.text("cpi-next-day"))
                .when().post("/api/v1/evaluations")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", endsWith("audit-unavailable"));
        assertEquals(before, audit.count(new EvaluationQuery(null, null, null, null, null, 50, 0)), "nothing recorded");

        allowInserts();
        given().contentType("application/json").body(Examples.text("cpi-next-day"))
                .when().post("/api/v1/evaluations").then().statusCode(200);
        assertEquals(before + 1, audit.count(new EvaluationQuery(null, null, null, null, null, 50, 0)));
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
