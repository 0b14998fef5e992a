package com.alvh.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
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
                List.of("HOLD"), List.of("Hold when calm"), "{\"a\": 1}", "{}", "{}");

        // computed with Python json.dumps(sort_keys, separators, ensure_ascii=False) and hashlib.sha256
        assertEquals(REFERENCE_HASH, ChainHash.hash(1, r, Instant.parse("2024-08-02T20:00:02Z"), ChainHash.GENESIS));
    }

    private static final String REFERENCE_HASH = "789e5ee35491e9f3e088a0af3c8f18130cd0cab513debaae6038b3152f69b984";
}
