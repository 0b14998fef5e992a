package com.alvh.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EvaluationIdsTest {

    @Test
    void theLayoutIsRfc9562Version7WithTheTimeInFront() {
        // RFC 9562 appendix B.2: 2022-02-22 14:22:22 UTC-05:00 is 0x017F22E279B0 ms since the epoch
        UUID id = EvaluationIds.at(0x017F22E279B0L, new Random(1));
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertTrue(id.toString().startsWith("017f22e2-79b0-7"), id.toString());
    }

    @Test
    void laterIdsSortAfterEarlierOnesAndNoneRepeat() {
        Set<String> seen = new HashSet<>();
        String previous = "";
        for (long ms = 1_764_000_000_000L; ms < 1_764_000_000_000L + 2000; ms++) {
            String id = EvaluationIds.at(ms, new Random(ms)).toString();
            assertTrue(id.compareTo(previous) > 0, id + " after " + previous);
            assertTrue(seen.add(id));
            previous = id;
        }
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(EvaluationIds.next()));
        }
    }
}
