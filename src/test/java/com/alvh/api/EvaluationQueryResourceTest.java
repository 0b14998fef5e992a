package com.alvh.api;

import static com.alvh.audit.AuditFixtures.record;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import com.alvh.audit.AuditDatabase;
import com.alvh.audit.AuditFixtures;
import com.alvh.audit.AuditTrail;
import com.alvh.audit.StoredEvaluation;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EvaluationQueryResourceTest {

    @Inject
    AuditTrail audit;

    @Inject
    AuditDatabase database;

    @BeforeEach
    void threeEvaluations() {
        AuditFixtures.clear(database.dataSource());
        audit.append(record("old", "2024-01-01T00:00:00Z", "balanced", List.of("HOLD"), List.of("Hold when calm")));
        audit.append(record("mid", "2024-02-01T00:00:00Z", "aggressive", List.of("ADD_LAYER"),
                List.of("Add a tranche when breadth diverges")));
        audit.append(record("new", "2024-03-01T00:00:00Z", "balanced", List.of("ADD_LAYER", "ROLL_LAYER"),
                List.of("Roll before expiry")));
    }

    @Test
    void returnsTheStoredAnswerWithRequestAndChainFields() {
        StoredEvaluation stored = audit.find("mid").orElseThrow();

        given().when().get("/api/v1/evaluations/mid").then().statusCode(200)
                .body("evaluationId", equalTo("mid"))
                .body("decision.actions", hasSize(0))
                .body("request.profile", equalTo("aggressive"))
                .body("request.note", equalTo("line\nbreak é"))
                .body("recordedAt", equalTo(stored.recordedAt().toString()))
                .body("hash", equalTo(stored.hash()))
                .body("dryRun", equalTo(false));
    }

    @Test
    void unknownEvaluationIsAProblem404() {
        given().when().get("/api/v1/evaluations/nope").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("detail", containsString("nope"))
                .body(not(containsString("Exception")));
    }

    @Test
    void listsNewestFirstAsSummaries() {
        given().when().get("/api/v1/evaluations").then().statusCode(200)
                .body("items.evaluationId", contains("new", "mid", "old"))
                .body("items[0].asOf", equalTo("2024-03-01T00:00:00Z"))
                .body("items[0].profile", equalTo("balanced"))
                .body("items[0].profileVersion", equalTo("sha256:balanced"))
                .body("items[0].ruleSetVersion", equalTo("sha256:rules-1"))
                .body("items[0].actions", contains("ADD_LAYER", "ROLL_LAYER"))
                .body("items[0].dryRun", equalTo(false))
                .body("limit", equalTo(50))
                .body("offset", equalTo(0));
    }

    @Test
    void filtersByAsOfProfileRuleAndAction() {
        given().queryParam("from", "2024-02-01T00:00:00Z").when().get("/api/v1/evaluations").then()
                .statusCode(200).body("items.evaluationId", contains("new", "mid"));
        given().queryParam("to", "2024-01-31T00:00:00Z").when().get("/api/v1/evaluations").then()
                .statusCode(200).body("items.evaluationId", contains("old"));
        given().queryParam("profile", "balanced").when().get("/api/v1/evaluations").then()
                .statusCode(200).body("items.evaluationId", contains("new", "old"));
        given().queryParam("rule", "Add a tranche when breadth diverges").when().get("/api/v1/evaluations").then()
                .statusCode(200).body("items.evaluationId", contains("mid"));
        given().queryParam("action", "ADD_LAYER").when().get("/api/v1/evaluations").then()
                .statusCode(200).body("items.evaluationId", contains("new", "mid"));
        given().queryParam("limit", 1).queryParam("offset", 2).when().get("/api/v1/evaluations").then()
                .statusCode(200).body("items.evaluationId", contains("old"));
    }

    @Test
    void rejectsAnUnknownActionNamingTheParameter() {
        given().queryParam("action", "SELL_EVERYTHING").when().get("/api/v1/evaluations").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations[0].field", equalTo("action"));
    }

    @Test
    void rejectsALimitAboveTheMaximumAndABadInstant() {
        given().queryParam("limit", 1001).when().get("/api/v1/evaluations").then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
        given().queryParam("limit", "ten").when().get("/api/v1/evaluations").then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
        given().queryParam("to", "2024-13-01").when().get("/api/v1/evaluations").then().statusCode(400)
                .body("violations[0].field", equalTo("to"));
    }
    @Test
    void acceptsDateOnlyBoundsAsWholeUtcDays() {
        given().queryParam("from", "2024-02-01").queryParam("to", "2024-02-01").when().get("/api/v1/evaluations")
                .then().statusCode(200).body("items.evaluationId", contains("mid")).body("total", equalTo(1));
        given().queryParam("to", "2024-02-01").when().get("/api/v1/evaluations").then().statusCode(200)
                .body("items.evaluationId", contains("mid", "old"));
    }

    @Test
    void refusesUnknownParametersNamingEachOfThem() {
        given().queryParam("profil", "balanced").queryParam("size", 3).when().get("/api/v1/evaluations").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("profil", "size"))
                .body("detail", containsString("profil"));
    }

    @Test
    void countsEveryMatchBesidesThePage() {
        given().queryParam("limit", 1).when().get("/api/v1/evaluations").then().statusCode(200)
                .header("X-Total-Count", "3").body("total", equalTo(3)).body("items", hasSize(1));
    }

    @Test
    void filtersOnDryRun() {
        given().queryParam("dryRun", "true").when().get("/api/v1/evaluations").then().statusCode(200)
                .body("total", equalTo(0));
        given().queryParam("dryRun", "false").when().get("/api/v1/evaluations").then().statusCode(200)
                .body("total", equalTo(3));
        given().queryParam("dryRun", "maybe").when().get("/api/v1/evaluations").then().statusCode(400)
                .body("violations[0].field", equalTo("dryRun"));
    }

    @Test
    void filtersOnTheCallerTheRecordNames() {
        // the fixtures are recorded by "tester"; this evaluation by the authenticated test user
        String id = given().contentType(io.restassured.http.ContentType.JSON).body(Examples.text("cpi-next-day"))
                .when().post("/api/v1/evaluations").then().statusCode(200).extract().path("evaluationId");
        org.junit.jupiter.api.Assertions.assertEquals(com.alvh.testing.TestCallers.ALL_ROLES,
                audit.find(id).orElseThrow().record().caller());

        given().queryParam("caller", com.alvh.testing.TestCallers.ALL_ROLES).when().get("/api/v1/evaluations").then()
                .statusCode(200).body("total", equalTo(1)).body("items.evaluationId", contains(id));
        given().queryParam("caller", "tester").queryParam("action", "ADD_LAYER").when().get("/api/v1/evaluations")
                .then().statusCode(200).body("total", equalTo(2)).body("items.evaluationId", contains("new", "mid"));
        given().queryParam("caller", "nobody").when().get("/api/v1/evaluations").then().statusCode(200)
                .body("total", equalTo(0));
        given().queryParam("caller", "x".repeat(201)).when().get("/api/v1/evaluations").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("caller"));

        // the console's search form sends the same parameter
        String page = given().queryParam("caller", "tester").queryParam("profile", "aggressive")
                .when().get("/console/evaluations").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("<strong id=\"total\">1 evaluation</strong>"), page);
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("/console/evaluations/mid"), page);
        org.junit.jupiter.api.Assertions.assertFalse(page.contains("/console/evaluations/" + id), page);
    }

    @Test
    void exportsASearchAsCsvWithOneColumnPerScalarField() {
        String csv = given().queryParam("profile", "balanced").when().get("/api/v1/evaluations/export.csv").then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        org.junit.jupiter.api.Assertions.assertEquals(
                "evaluationId,asOf,recordedAt,profile,profileVersion,ruleSetVersion,dryRun,actions,rulesFired,seq,hash",
                lines[0]);
        org.junit.jupiter.api.Assertions.assertEquals(3, lines.length);
        org.junit.jupiter.api.Assertions.assertTrue(lines[1].startsWith("new,2024-03-01T00:00:00Z,"), lines[1]);
        org.junit.jupiter.api.Assertions.assertTrue(lines[1].contains(",ADD_LAYER|ROLL_LAYER,Roll before expiry,"), lines[1]);
    }

    @Test
    void exportsASearchAsJsonLinesOfObjects() throws Exception {
        String body = given().queryParam("action", "ADD_LAYER").when().get("/api/v1/evaluations/export.jsonl").then()
                .statusCode(200).extract().asString();
        String[] lines = body.split("\n");
        org.junit.jupiter.api.Assertions.assertEquals(2, lines.length);
        var first = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines[0]);
        org.junit.jupiter.api.Assertions.assertTrue(first.path("request").isObject(), lines[0]);
        org.junit.jupiter.api.Assertions.assertEquals("new", first.path("evaluationId").asText());
        org.junit.jupiter.api.Assertions.assertEquals(64, first.path("hash").asText().length());
    }

    @Test
    void checksOneRecordsPlaceInTheChain() {
        given().when().get("/api/v1/evaluations/mid/chain").then().statusCode(200)
                .body("hashValid", equalTo(true)).body("linkValid", equalTo(true)).body("evaluationId", equalTo("mid"));
    }
}
