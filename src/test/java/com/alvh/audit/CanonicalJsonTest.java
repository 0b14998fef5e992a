package com.alvh.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void sortsKeysAndWritesNoWhitespace() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("seq", 7L);
        fields.put("b", List.of("x", "y"));
        fields.put("a", true);

        assertEquals("{\"a\":true,\"b\":[\"x\",\"y\"],\"seq\":7}", CanonicalJson.object(fields));
    }

    @Test
    void escapesLikePythonJsonDumpsWithEnsureAsciiOff() {
        // the expected text is what Python's json.dumps(..., ensure_ascii=False, separators=(",", ":")) printed
        String s = "q\"b\\n\nt\tc\u0001é€/";

        assertEquals("{\"s\":\"q\\\"b\\\\n\\nt\\tc\\u0001é€/\"}", CanonicalJson.object(Map.of("s", s)));
    }

    @Test
    void hashMatchesAReferenceComputedOutsideJava() {
        EvaluationRecord r = new EvaluationRecord("e-1", Instant.parse("2024-08-02T20:00:00Z"),
                Instant.parse("2024-08-02T20:00:01.5Z"), "balanced", "sha256:p", "sha256:r", false,
                List.of("HOLD"), List.of("Hold when calm"), "{\"a\": 1}", "{}", "{}", null);

        // format 1 (rows written before schema V2): Python json.dumps(sort_keys, separators, ensure_ascii=False)
        assertEquals(REFERENCE_HASH, ChainHash.textHash(1, r, Instant.parse("2024-08-02T20:00:02Z"), ChainHash.GENESIS));
    }

    @Test
    void compactHeaderAndHashMatchAReferenceComputedOutsideJava() {
        EvaluationRecord r = new EvaluationRecord("e-1", Instant.parse("2024-08-02T20:00:00Z"),
                Instant.parse("2024-08-02T20:00:01.5Z"), "balanced", "sha256:p", "sha256:r", false,
                List.of("HOLD"), List.of("Hold when calm"), "{\"a\": 1}", "{}", "{}", "alice");
        Instant recordedAt = Instant.parse("2024-08-02T20:00:02Z");

        // the text and the hash were printed by Python: json.dumps(header, sort_keys=True, separators=(",", ":"),
        // ensure_ascii=False) and hashlib.sha256(header.encode() + bytes([1, 2, 3]) + b"0" * 64)
        assertEquals("{\"actionTypes\":[\"HOLD\"],\"asOf\":\"2024-08-02T20:00:00.000000Z\",\"caller\":\"alice\","
                + "\"dryRun\":false,\"evaluatedAt\":\"2024-08-02T20:00:01.500000Z\",\"evaluationId\":\"e-1\",\"format\":2,"
                + "\"profileName\":\"balanced\",\"profileVersion\":\"sha256:p\",\"recordedAt\":\"2024-08-02T20:00:02.000000Z\","
                + "\"ruleSetVersion\":\"sha256:r\",\"rulesFired\":[\"Hold when calm\"],\"seq\":1}",
                ChainHash.header(1, r, recordedAt));
        assertEquals("64cb2219adeaedf89da6ac589018c89edf2faa6e432bfdd25a18a34e20779155",
                ChainHash.hash(1, r, Payload.of(new byte[] {1, 2, 3}), recordedAt, ChainHash.GENESIS));
    }

    @Test
    void aTimestampIsWrittenInUtcWithMicrosecondsFromAnInstantAndFromAnyOffset() {
        // the documented form (docs/audit-chain.md): UTC, six fraction digits always; years outside 1000-9999 as
        // ISO-8601 writes them
        Map<String, String> written = new LinkedHashMap<>();
        written.put("2024-08-02T20:00:01.123456Z", "2024-08-02T20:00:01.123456Z");
        written.put("2024-02-29T23:59:59.999999Z", "2024-02-29T23:59:59.999999Z");
        written.put("1970-01-01T00:00:00Z", "1970-01-01T00:00:00.000000Z");
        written.put("1969-12-31T23:59:59.000001Z", "1969-12-31T23:59:59.000001Z");
        written.put("0999-05-06T07:08:09.010203Z", "0999-05-06T07:08:09.010203Z");
        written.put("+10000-01-01T00:00:00.5Z", "+10000-01-01T00:00:00.500000Z");
        written.put("9999-12-31T23:30:00.000007Z", "9999-12-31T23:30:00.000007Z");
        written.forEach((text, expected) -> {
            Instant instant = Instant.parse(text);
            assertEquals(expected, ChainHash.instant(instant), text);
            for (ZoneOffset offset : List.of(ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 30),
                    ZoneOffset.ofHours(-8), ZoneOffset.ofHours(14))) {
                StringBuilder fromFields = new StringBuilder();
                ChainHash.appendUtc(fromFields, OffsetDateTime.ofInstant(instant, offset));
                assertEquals(expected, fromFields.toString(), text + " at " + offset);
            }
        });
    }

    @Test
    void payloadRoundTripsTheThreeTexts() {
        Payload p = Payload.encode("{\"request\":\"é\\n\"}", "{\"answer\":[]}", "");

        assertEquals(List.of("{\"request\":\"é\\n\"}", "{\"answer\":[]}", ""), List.of(p.decode()));
    }

    private static final String REFERENCE_HASH = "789e5ee35491e9f3e088a0af3c8f18130cd0cab513debaae6038b3152f69b984";
}
