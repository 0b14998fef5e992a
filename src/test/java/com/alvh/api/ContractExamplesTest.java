package com.alvh.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every request the documentation shows answers 200 (issue 11): api.md's example verbatim and each examples/*.json. */
@QuarkusTest
class ContractExamplesTest {

    private static final Path API_MD = Path.of("../shared/docs/api.md");

    @BeforeEach
    void ready() {
        Ready.await();
    }

    @Test
    void apiMdExampleRequestAnswers200WithBreadthUnavailable() throws IOException {
        JsonNode answer = post(apiMdRequest());
        JsonNode breadth = signal(answer, "BREADTH_DIVERGENCE");
        assertFalse(breadth.get("active").asBoolean(), breadth.toString());
        assertFalse(breadth.get("available").asBoolean(), breadth.toString());
        assertTrue(breadth.get("text").asText().contains("breadth"), breadth.toString());
        for (JsonNode signal : answer.get("signals")) {
            assertTrue(signal.has("available"), signal.toString());
        }
        assertFalse(answer.at("/decision/actions").isEmpty());
    }

    @Test
    void everyShippedExampleAnswers200() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            examples = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(examples.isEmpty());
        for (Path example : examples) {
            JsonNode answer = post(Files.readString(example));
            assertTrue(answer.has("evaluationId"), example + ": " + answer);
        }
    }

    @Test
    void scenarioRunReportsEachScenarioAndCoverage() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/scenarios/run")
                .then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(12))
                .body("failed", org.hamcrest.Matchers.equalTo(0))
                .body("scenarios[0].rulesFired.size()", org.hamcrest.Matchers.greaterThan(0))
                .body("coverage.rulesTotal", org.hamcrest.Matchers.greaterThan(0))
                .body("coverage.neverFired", org.hamcrest.Matchers.notNullValue());
        given().contentType(ContentType.JSON).body("{\"files\": {\"x.drl\": \"rule broken\"}}")
                .when().post("/api/v1/scenarios/run")
                .then().statusCode(422);
    }

    @Test
    void theProfileSchemaIsPublished() {
        given().when().get("/api/v1/profiles/schema")
                .then().statusCode(200)
                .body("'$schema'", org.hamcrest.Matchers.equalTo("https://json-schema.org/draft/2020-12/schema"))
                .body("properties.parameters.type", org.hamcrest.Matchers.equalTo("object"));
    }

    /** The first JSON block after the request heading of api.md, exactly as written there. */
    static String apiMdRequest() throws IOException {
        if (!Files.isRegularFile(API_MD)) {
            fail("api.md not found at " + API_MD.toAbsolutePath().normalize() + " (the shared docs sit next to the project root)");
        }
        String md = Files.readString(API_MD);
        int heading = md.indexOf("## POST /api/v1/evaluations — request");
        assertTrue(heading >= 0, "api.md has no request section");
        Matcher block = Pattern.compile("(?s)```json\\n(.*?)```").matcher(md);
        assertTrue(block.find(heading), "api.md's request section has no JSON block");
        return block.group(1);
    }

    private static JsonNode post(String body) throws IOException {
        String answer = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/evaluations")
                .then().extract().asString();
        JsonNode tree = Examples.JSON.readTree(answer);
        assertEquals(false, tree.has("status") && tree.get("status").asInt() >= 400, "refused: " + answer);
        return tree;
    }

    private static JsonNode signal(JsonNode answer, String name) {
        for (JsonNode s : answer.get("signals")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no signal " + name + " in " + answer.get("signals"));
    }
}
