package com.alvh.audit;

import java.time.Instant;

/**
 * One link of the chain: a record as stored (instants at microsecond precision), its place and its hashes.
 *
 * @param hash {@code sha256(canonical bytes ‖ prevHash)}, lower-case hex; see docs/audit-chain.md
 */
public record StoredEvaluation(long seq, EvaluationRecord record, Instant recordedAt, String prevHash, String hash) {
}
