package com.alvh.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The published OpenAPI document is valid (swagger-parser), complete for every operation, leaks no implementation
 * type, and every documented request example is answered with the documented status.
 */
@QuarkusTest
class OpenApiContractTest {

    private SwaggerParseResult parsed;

    @BeforeEach
    void fetch() {
        String doc = given().accept("application/json").queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        parsed = new OpenAPIV3Parser().readContents(doc, null, null);
    }

    @Test
    void documentIsValid() {
        assertNotNull(parsed.getOpenAPI(), "not an OpenAPI document: " + parsed.getMessages());
        assertEquals(List.of(), parsed.getMessages(), "swagger-parser reports problems");
    }

    @Test
    void everyOperationHasAnIdSummaryTagAndProblemAnswers() {
        OpenAPI api = parsed.getOpenAPI();
        List<String> missing = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            String where = method + " " + path;
            if (op.getOperationId() == null || op.getOperationId().isBlank()) {
                missing.add(where + ": operationId");
            }
            if (op.getSummary() == null || op.getSummary().isBlank()) {
                missing.add(where + ": summary");
            }
            if (op.getTags() == null || op.getTags().isEmpty()) {
                missing.add(where + ": tag");
            }
            if (op.getResponses() == null || op.getResponses().keySet().stream().noneMatch(c -> c.startsWith("2"))) {
                missing.add(where + ": success response");
            }
            if (op.getResponses() == null || op.getResponses().get("503") == null
                    || op.getResponses().get("503").getContent().get(Problem.MEDIA_TYPE) == null) {
                missing.add(where + ": problem+json error answers");
            }
        }));
        assertEquals(List.of(), missing);
    }

    @Test
    void schemaNamesAreContractNamesNotJavaTypes() {
        var schemas = parsed.getOpenAPI().getComponents().getSchemas();
        assertTrue(schemas.containsKey("Problem"));
        List<String> leaked = schemas.keySet().stream()
                .filter(n -> n.contains("JsonNode") || n.contains("ObjectNode") || n.contains("CompiledRuleSet")
                        || n.contains("$") || n.contains(".") || n.endsWith("Exception") || n.endsWith("Service"))
                .toList();
        assertEquals(List.of(), leaked);
    }

    @Test
    void backtestSubmissionIsDocumentedAs202WithLocation() {
        Operation submit = parsed.getOpenAPI().getPaths().get("/api/v1/backtests").getPost();
        var accepted = submit.getResponses().get("202");
        assertNotNull(accepted, "202 documented");
        assertTrue(accepted.getHeaders().containsKey("Location"));
        assertFalse(submit.getResponses().containsKey("200"));
    }

    @Test
    void everyDocumentedRequestExampleIsAnsweredWithItsDocumentedStatus() throws Exception {
        Ready.await();
        Operation evaluate = parsed.getOpenAPI().getPaths().get("/api/v1/evaluations").getPost();
        Map<String, Example> examples = evaluate.getRequestBody().getContent().get("application/json").getExamples();
        assertEquals(OpenApiDocument.REQUEST_EXAMPLES.size(), examples.size(), "every shipped example documented");
        var answerExamples = evaluate.getResponses().get("200").getContent().get("application/json").getExamples();
        assertNotNull(answerExamples, "an answer example is documented");
        JsonNode documentedAnswer = Examples.JSON.valueToTree(answerExamples.values().iterator().next().getValue());
        for (var example : examples.entrySet()) {
            String body = Examples.JSON.writeValueAsString(example.getValue().getValue());
            String answer = given().contentType("application/json").body(body).when().post("/api/v1/evaluations")
                    .then().statusCode(200).extract().asString();
            JsonNode tree = Examples.JSON.readTree(answer);
            List<String> documentedFields = new ArrayList<>();
            documentedAnswer.fieldNames().forEachRemaining(documentedFields::add);
            List<String> answeredFields = new ArrayList<>();
            tree.fieldNames().forEachRemaining(answeredFields::add);
            assertEquals(documentedFields, answeredFields, example.getKey() + ": answer shaped as documented");
            if ("cpi-next-day".equals(example.getKey())) {
                assertEquals(documentedAnswer.path("decision").path("actions").findValuesAsText("type"),
                        tree.path("decision").path("actions").findValuesAsText("type"),
                        "the documented answer's actions are what the service decides");
            }
        }
    }
}
