package com.alvh.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.alvh.testing.TestCallers;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RuleSetVersionsTest {

    @Test
    void listsDiffsActivatesAndRollsBackAStoredVersion() {
        Ready.await();
        String original = given().when().get("/api/v1/rulesets/active").then().statusCode(200).extract().path("version");
        Map<String, String> files = new TreeMap<>(given().when().get("/api/v1/rulesets/" + original).then()
                .statusCode(200).extract().jsonPath().getMap("files", String.class, String.class));
        String comment = "// retuned by RuleSetVersionsTest at " + Instant.now();
        files.put("sizing.drl", files.get("sizing.drl") + comment + "\n");
        String candidate = given().contentType("application/json").body(Map.of("files", files))
                .when().post("/api/v1/rulesets/candidates").then().statusCode(200).extract().path("version");

        given().when().get("/api/v1/rulesets").then().statusCode(200)
                .body("find { it.version == '" + candidate + "' }.createdBy", equalTo(TestCallers.ALL_ROLES))
                .body("find { it.version == '" + candidate + "' }.active", equalTo(false))
                .body("find { it.version == '" + original + "' }.active", equalTo(true));
        given().queryParam("against", original).when().get("/api/v1/rulesets/" + candidate + "/diff").then()
                .statusCode(200)
                .body("find { it.file == 'sizing.drl' }.status", equalTo("changed"))
                .body("find { it.file == 'sizing.drl' }.unified", containsString("+" + comment))
                .body("find { it.file == 'signals.drl' }.unified", equalTo(""));
        given().when().get("/api/v1/rulesets/" + candidate + "/gate").then().statusCode(200).body("passed", equalTo(true));

        try {
            given().auth().preemptive().basic(TestCallers.STRATEGIST, TestCallers.PASSWORD)
                    .when().post("/api/v1/rulesets/" + candidate + "/activate").then().statusCode(200)
                    .body("version", equalTo(candidate)).body("previous", equalTo(original))
                    .body("activatedBy", equalTo(TestCallers.STRATEGIST));
            given().when().get("/api/v1/rulesets/active").then().body("version", equalTo(candidate));
            given().when().get("/api/v1/rulesets").then()
                    .body("find { it.version == '" + candidate + "' }.active", equalTo(true))
                    .body("find { it.version == '" + candidate + "' }.activatedBy", equalTo(TestCallers.STRATEGIST));
        } finally {
            given().when().post("/api/v1/rulesets/" + original + "/activate").then().statusCode(200);
        }
        given().when().get("/api/v1/rulesets/active").then().body("version", equalTo(original));
        given().when().get("/api/v1/rulesets/activations").then().statusCode(200)
                .body("version", hasItem(candidate));
    }

    @Test
    void aDiffNeedsTheOtherVersion() {
        given().when().get("/api/v1/rulesets/sha256:x/diff").then().statusCode(400)
                .body("violations[0].field", equalTo("against"));
    }

    @Test
    void listsProfileVersionsAndShowsOneWithItsValues() {
        Ready.await();
        String version = given().when().get("/api/v1/profiles/balanced").then().extract().path("version");
        given().when().get("/api/v1/profiles/balanced/versions").then().statusCode(200)
                .body("find { it.loaded }.version", equalTo(version));
        given().when().get("/api/v1/profiles/balanced/versions/" + version).then().statusCode(200)
                .body("values.name", equalTo("balanced")).body("source", startsWith(""))
                .body("values.maxRatio", equalTo(1.0f));
    }
}
