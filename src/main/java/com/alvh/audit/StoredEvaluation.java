package com.alvh.audit;

import java.time.Instant;

/**
 * One link of the chain: a record as stored (instants at microsecond precision), its place and its hashes.
 *
 * @param format  {@link ChainHash#FORMAT_TEXT} for records written before schema V2 (JSON texts in columns,
 *                hashed in canonical form), {@link ChainHash#FORMAT_COMPACT} since (texts in {@code payload})
 * @param payload the stored compressed texts; {@code null} for format 1
 * @param hash    see docs/audit-chain.md
 */
public record StoredEvaluation(long seq, EvaluationRecord record, Instant recordedAt, String prevHash, String hash,
        int format, Payload payload) {
}
