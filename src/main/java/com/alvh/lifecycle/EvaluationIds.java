package com.alvh.lifecycle;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Evaluation ids in the time-ordered UUID layout (version 7 of RFC 9562): the first 48 bits are the Unix time in
 * milliseconds, the rest random. Ids taken close together sort close together, so the audit store's unique index on
 * them grows at its end instead of touching a random page for every record (H2 rewrites that page at each commit);
 * they remain 122-bit-unique and opaque to clients, like the random (version 4) ids they replace.
 */
final class EvaluationIds {

    private EvaluationIds() {
    }

    static String next() {
        return at(System.currentTimeMillis(), ThreadLocalRandom.current()).toString();
    }

    static UUID at(long unixMillis, java.util.Random random) {
        long high = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (random.nextInt() & 0x0FFF);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
