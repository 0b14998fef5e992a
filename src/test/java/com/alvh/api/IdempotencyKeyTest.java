package com.alvh.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Idempotency-Key on POST /api/v1/evaluations: a retry answers the recorded answer; another body is a 409. */
@QuarkusTest
class IdempotencyKeyTest {

    private static final String ID_HEADER = "Idempotency-Key";

    @BeforeEach
    void ready() {
        Ready.await();
    }

    private static Response post(String key, String body) {
        var request = given().contentType("application/json").body(body);
        if (key != null) {
            request = request.header(ID_HEADER, key);
        }
        return request.when().post("/api/v1/evaluations");
    }

    private static int recordsAt(String asOf) {
        return given().queryParam("from", asOf).queryParam("to", asOf).queryParam("limit", 500)
                .when().get("/api/v1/evaluations").then().statusCode(200).extract().jsonPath().getList("items").size();
    }

    @Test
    void sameKeyAndBodyAnswersTheRecordedAnswerWithoutASecondRecord() {
        String body = Examples.text("cpi-next-day");
        String asOf = Examples.tree("cpi-next-day").get("asOf").asText();
        String key = UUID.randomUUID().toString();
        int before = recordsAt(asOf);

        Response first = post(key, body);
        first.then().statusCode(200).header("Idempotent-Replayed", "false");
        Response again = post(key, body);
        again.then().statusCode(200).header("Idempotent-Replayed", "true");

        assertEquals(first.asString(), again.asString(), "the retry answers byte for byte what was recorded");
        assertEquals(before + 1, recordsAt(asOf), "one evaluation recorded for two requests with one key");
        given().when().get("/api/v1/evaluations/" + first.jsonPath().getString("evaluationId")).then().statusCode(200);
    }

    @Test
    void sameKeyWithAnotherBodyIs409() {
        String key = UUID.randomUUID().toString();
        post(key, Examples.text("cpi-next-day")).then().statusCode(200);
        post(key, Examples.text("calm-two-layers")).then().statusCode(409)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("type", equalTo(ProblemType.BASE + "idempotency-key-reused"))
                .body("violations[0].field", equalTo(ID_HEADER));
    }

    @Test
    void withoutAKeyEveryRequestIsEvaluated() {
        String body = Examples.text("calm-two-layers");
        assertNotEquals(post(null, body).jsonPath().getString("evaluationId"),
                post(null, body).jsonPath().getString("evaluationId"));
    }

    @Test
    void anOverlongOrBlankKeyIs400() {
        post("k".repeat(129), Examples.text("cpi-next-day")).then().statusCode(400)
                .body("type", equalTo(ProblemType.BASE + "invalid-parameter"))
                .body("violations[0].field", equalTo(ID_HEADER));
        post("has space", Examples.text("cpi-next-day")).then().statusCode(400);
    }

    @Test
    void aRefusedRequestIsNotRemembered() {
        String key = UUID.randomUUID().toString();
        var unknownProfile = Examples.tree("cpi-next-day").put("profile", "no-such-profile");
        post(key, Examples.write(unknownProfile)).then().statusCode(422);
        post(key, Examples.text("cpi-next-day")).then().statusCode(200).header("Idempotent-Replayed", "false");
    }
}
