package com.alvh.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Outcome of checking the chain against itself, the signed checkpoints and the stored sources.
 *
 * @param records                rows present in the store (full walk), or rows checked (incremental)
 * @param firstBadRecord         the first record (by seq) that breaks the chain, or {@code null} when valid
 * @param mode                   {@code "full"} (every record from seq 1) or {@code "incremental"} (from the latest
 *                               checkpoint on; see docs/audit-chain.md for what that does not cover)
 * @param checkpoint             the latest valid checkpoint the chain was checked against, or {@code null}
 * @param recordsAfterCheckpoint records past the latest checkpoint: chained, but not yet attested by a signature
 * @param badVersions            stored rule-set or profile versions whose sources no longer hash to their version
 */
public record ChainVerification(boolean valid, long records,
        @JsonInclude(JsonInclude.Include.ALWAYS) BadRecord firstBadRecord, String mode,
        @JsonInclude(JsonInclude.Include.ALWAYS) Checkpoint checkpoint, long recordsAfterCheckpoint,
        List<String> badVersions) {

    public static final String HASH_MISMATCH = "hash mismatch";
    public static final String MISSING_RECORD = "missing record (gap in sequence)";
    public static final String BROKEN_LINK = "broken link";
    public static final String TRUNCATED = "truncated: fewer records than the checkpoint attests";
    public static final String CHECKPOINT_MISMATCH = "hash differs from the signed checkpoint";
    public static final String BAD_CHECKPOINT = "checkpoint signature invalid";

    /** Shorthand for the chain-only outcome (no checkpoint, no versions), as before checkpoints existed. */
    public ChainVerification(boolean valid, long records, BadRecord firstBadRecord) {
        this(valid, records, firstBadRecord, "full", null, records, List.of());
    }

    /**
     * @param evaluationId {@code null} when the record is missing
     * @param problem      one of the constants above
     */
    public record BadRecord(long seq, @JsonInclude(JsonInclude.Include.ALWAYS) String evaluationId,
            String problem) {
    }
}
