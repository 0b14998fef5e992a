package com.alvh.api;

import static com.alvh.audit.AuditFixtures.record;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alvh.audit.AuditDatabase;
import com.alvh.audit.AuditFixtures;
import com.alvh.audit.AuditTrail;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditResourceTest {

    @Inject
    AuditTrail audit;

    @Inject
    AuditDatabase database;

    @BeforeEach
    void emptyStore() {
        Ready.await();
        AuditFixtures.clear(database.dataSource());
    }

    @Test
    void verifyAnswersValidWithTheRecordCount() {
        audit.append(record("e-1"));
        audit.append(record("e-2"));

        given().when().get("/api/v1/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true))
                .body("records", equalTo(2))
                .body("firstBadRecord", nullValue())
                .body("containsKey('firstBadRecord')", equalTo(true));
    }

    @Test
    void verifyNamesTheTamperedRecordAndTheGap() {
        for (int i = 1; i <= 4; i++) {
            audit.append(record("e-" + i));
        }
        AuditFixtures.asOwner(database.dataSource(), "UPDATE evaluation SET profile_name = 'forged' WHERE seq = 3");

        given().when().get("/api/v1/audit/verify").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("records", equalTo(4))
                .body("firstBadRecord.seq", equalTo(3))
                .body("firstBadRecord.evaluationId", equalTo("e-3"))
                .body("firstBadRecord.problem", equalTo("hash mismatch"));

        AuditFixtures.deleteRecord(database.dataSource(), 2);

        given().when().get("/api/v1/audit/verify").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("records", equalTo(3))
                .body("firstBadRecord.seq", equalTo(2))
                .body("firstBadRecord.evaluationId", nullValue())
                .body("firstBadRecord.problem", equalTo("missing record (gap in sequence)"));
    }

    @Test
    void exportLinesReverifyWithAnIndependentRecomputation() throws Exception {
        audit.append(record("e-1", "2024-01-01T00:00:00Z", "balanced", List.of("HOLD"), List.of("r1")));
        audit.append(record("e-2", "2024-02-01T00:00:00Z", "balanced", List.of("ADD_LAYER"), List.of("r2")));
        audit.append(record("e-3", "2024-03-01T00:00:00Z", "balanced", List.of(), List.of()));

        String body = given().when().get("/api/v1/audit/export").then().statusCode(200)
                .contentType("application/x-ndjson").extract().asString();

        // independent of ChainHash/CanonicalJson: Jackson with sorted keys, as an outside tool would
        ObjectMapper mapper = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        String prev = "0".repeat(64);
        long expectedSeq = 1;
        String[] lines = body.split("\n");
        assertEquals(3, lines.length);
        for (String line : lines) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = new TreeMap<>(mapper.readValue(line, Map.class));
            String hash = (String) fields.remove("hash");
            String prevHash = (String) fields.remove("prevHash");
            byte[] payload = java.util.Base64.getDecoder().decode((String) fields.remove("payload"));
            assertEquals(expectedSeq++, ((Number) fields.get("seq")).longValue());
            assertEquals(prev, prevHash);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(mapper.writeValueAsString(fields).getBytes(StandardCharsets.UTF_8));
            sha.update(payload);
            sha.update(prevHash.getBytes(StandardCharsets.US_ASCII));
            assertEquals(hash, HexFormat.of().formatHex(sha.digest()));
            prev = hash;
        }
    }

    @Test
    void anEvaluationOverHttpRecordsItsCallerAndCheckpointsAreServedWithTheirKey() {
        String id = given().contentType("application/json").body(Examples.text("cpi-next-day"))
                .when().post("/api/v1/evaluations").then().statusCode(200).extract().path("evaluationId");
        // "anonymous" until authentication is merged, then the authenticated test user's name
        String caller = audit.find(id).orElseThrow().record().caller();
        org.junit.jupiter.api.Assertions.assertFalse(caller == null || caller.isBlank());
        audit.checkpoint();

        given().when().get("/api/v1/audit/checkpoints").then().statusCode(200)
                .body("total", equalTo(1))
                .body("latest.headSeq", equalTo(1))
                .body("latest.signatureValid", equalTo(true))
                .body("algorithm", equalTo("Ed25519"));
        given().when().get("/api/v1/audit/checkpoints/public-key").then().statusCode(200)
                .body("algorithm", equalTo("Ed25519"));
        given().queryParam("from", "checkpoint").when().get("/api/v1/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true))
                .body("mode", equalTo("incremental"))
                .body("checkpoint.headSeq", equalTo(1));
        given().queryParam("from", "yesterday").when().get("/api/v1/audit/verify").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
    }

    @Test
    void exportFiltersOnAsOf() {
        audit.append(record("e-1", "2024-01-01T00:00:00Z", "balanced", List.of("HOLD"), List.of("r1")));
        audit.append(record("e-2", "2024-02-01T00:00:00Z", "balanced", List.of("HOLD"), List.of("r1")));
        audit.append(record("e-3", "2024-03-01T00:00:00Z", "balanced", List.of("HOLD"), List.of("r1")));

        String body = given().queryParam("from", "2024-01-15T00:00:00Z").queryParam("to", "2024-02-01T00:00:00Z")
                .when().get("/api/v1/audit/export").then().statusCode(200).extract().asString();

        assertEquals(1, body.lines().count());
        assertEquals(true, body.contains("\"evaluationId\":\"e-2\""));
    }

    @Test
    void exportRejectsABadInstant() {
        given().queryParam("from", "yesterday").when().get("/api/v1/audit/export").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("from"));
    }
}
