package com.alvh.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Rule sets, profiles, the VX calendar, health and OpenAPI. */
@QuarkusTest
class OtherEndpointsTest {

    private static final String VERSION = "sha256:[0-9a-f]{64}";
    private static final String HEADER = "package alvh.rules;\n\nimport com.alvh.market.Metric;\nimport com.alvh.hedge.Signal;\n\n";

    @BeforeEach
    void ready() {
        Ready.await();
    }

    @Test
    void activeRuleSetListsItsFilesAndRules() {
        given().when().get("/api/v1/rulesets/active").then().statusCode(200)
                .body("version", matchesPattern(VERSION))
                .body("loadedAt", notNullValue())
                .body("files", containsInAnyOrder("signals.drl", "layering.drl", "sizing.drl", "guards.drl"))
                .body("rules.size()", greaterThan(10))
                .body("rules.name", hasItems("The VX curve is in backwardation", "Add a tranche ahead of a macro event"))
                .body("rules.file", everyItem(matchesPattern("(signals|layering|sizing|guards)\\.drl")))
                .body("rules.find { it.name == 'The market is calm' }.file", equalTo("signals.drl"))
                .body("containsKey('lastError')", equalTo(true))
                .body("lastError", nullValue());
    }

    @Test
    void validateReportsARuleMissingEndWithFileLineAndColumn() {
        String source = HEADER + "rule \"Unfinished\"\nwhen\n    Metric(value > 20)\nthen\n    insert(new Signal(\"X\", 1.0, 2.0, \"x\"));\n";
        validate(Map.of("unfinished.drl", source)).statusCode(200)
                .body("valid", equalTo(false))
                .body("errors", not(empty()))
                .body("errors.file", everyItem(equalTo("unfinished.drl")))
                .body("errors.line", everyItem(greaterThan(0)))
                .body("errors.column", everyItem(greaterThan(0)))
                .body("errors.message", everyItem(notNullValue()));
    }

    @Test
    void validateReportsAMisspelledThenAtItsLine() {
        String source = HEADER + "rule \"Misspelled\"\nwhen\n    Metric(value > 20)\nthne\n    insert(new Signal(\"X\", 1.0, 2.0, \"x\"));\nend\n";
        // "thne" is line 9; the parser notices at the consequence on line 10
        validate(Map.of("misspelled.drl", source)).statusCode(200)
                .body("valid", equalTo(false))
                .body("errors[0].file", equalTo("misspelled.drl"))
                .body("errors[0].line", equalTo(10))
                .body("errors[0].column", greaterThan(0));
    }

    @Test
    void validateRefusesARuleThatCallsSystemExit() {
        String source = HEADER + "rule \"Leave\"\nwhen\n    Metric(value > 20)\nthen\n    System.exit(0);\nend\n";
        validate(Map.of("exit.drl", source)).statusCode(200)
                .body("valid", equalTo(false))
                .body("errors", hasSize(1))
                .body("errors[0].file", equalTo("exit.drl"))
                .body("errors[0].line", equalTo(10))
                .body("errors[0].column", greaterThan(0))
                .body("errors[0].message", containsString("System"));
    }

    @Test
    void validateAcceptsAGoodFile() {
        String source = HEADER + "rule \"Flag a rich P/E ratio\"\nwhen\n    Metric(name == \"peRatio\", value > 20)\nthen\n"
                + "    insert(new Signal(\"RICH_VALUATION\", 24.3, 20.0, \"P/E above 20\"));\nend\n";
        validate(Map.of("extra.drl", source)).statusCode(200)
                .body("valid", equalTo(true))
                .body("errors", empty());
    }

    @Test
    void validateTakesACsvDecisionTableAndLocatesItsBadCell() throws java.io.IOException {
        String table = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/tables/overbought-by-regime.csv"));
        validate(Map.of("regimes.csv", table)).statusCode(200).body("valid", equalTo(true));
        // row 12, column B: a threshold that is not a number
        validate(Map.of("regimes.csv", table.replace("\"25,1000\",65,", "\"25,1000\",sixty-five,"))).statusCode(200)
                .body("valid", equalTo(false))
                .body("errors[0].file", equalTo("regimes.csv"))
                .body("errors[0].line", equalTo(12))
                .body("errors[0].column", equalTo(2))
                .body("errors[0].message", containsString("sheet 'csv', row 12, column B"));
        given().contentType(ContentType.JSON).body(Map.of("files", Map.of("regimes.txt", table)))
                .when().post("/api/v1/rulesets/validate").then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItem("files.regimes.txt"));
    }

    @Test
    void validateWithoutFilesIsAProblemNamingFiles() {
        given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/rulesets/validate").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("files"));
        given().contentType(ContentType.JSON).body("null").when().post("/api/v1/rulesets/validate").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("(body)"));
    }

    @Test
    void listsTheThreeProfilesWithVersions() {
        given().when().get("/api/v1/profiles").then().statusCode(200)
                .body("profiles.name", containsInAnyOrder("conservative", "balanced", "aggressive"))
                .body("profiles.version", everyItem(matchesPattern(VERSION)))
                .body("profiles.find { it.name == 'balanced' }.file", equalTo("balanced.yaml"))
                .body("errors", empty());
        given().when().get("/api/v1/profiles/balanced").then().statusCode(200)
                .body("name", equalTo("balanced"))
                .body("version", matchesPattern(VERSION));
    }

    @Test
    void unknownProfileIsANotFoundProblem() {
        given().when().get("/api/v1/profiles/nope").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", notNullValue())
                .body("detail", containsString("nope"));
    }

    @Test
    void vxExpiriesOf2022ShiftTheMarchExpiryForGoodFriday() {
        given().queryParam("from", "2022-01-01").queryParam("to", "2022-12-31")
                .when().get("/api/v1/calendar/vx-expiries").then().statusCode(200)
                .body("expiries", hasSize(12))
                .body("expiries", hasItem("2022-03-15"))
                .body("expiries", not(hasItem("2022-03-16")))
                .body("expiries[0]", equalTo("2022-01-19"))
                .body("expiries[11]", equalTo("2022-12-21"));
    }

    @Test
    void vxExpiriesRefusesABadDateNamingFrom() {
        given().queryParam("from", "2022-13-01").queryParam("to", "2022-12-31")
                .when().get("/api/v1/calendar/vx-expiries").then()
                .statusCode(allOf(greaterThan(399), org.hamcrest.Matchers.lessThan(500)))
                .contentType("application/problem+json")
                .body("violations.field", hasItem("from"));
    }

    @Test
    void readinessIsUp() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'rules-and-profiles' }.data.ruleSet", matchesPattern(VERSION));
    }

    @Test
    void openApiDocumentsTheEvaluationEndpoint() {
        given().when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/evaluations"));
    }

    private static ValidatableResponse validate(Map<String, String> files) {
        return given().contentType(ContentType.JSON).body(Map.of("files", files))
                .when().post("/api/v1/rulesets/validate").then();
    }
}
