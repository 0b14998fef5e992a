package com.alvh.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Outcome of walking the whole chain.
 *
 * @param records         rows present in the store
 * @param firstBadRecord  the first record (by seq) that breaks the chain, or {@code null} when valid
 */
public record ChainVerification(boolean valid, long records,
        @JsonInclude(JsonInclude.Include.ALWAYS) BadRecord firstBadRecord) {

    public static final String HASH_MISMATCH = "hash mismatch";
    public static final String MISSING_RECORD = "missing record (gap in sequence)";
    public static final String BROKEN_LINK = "broken link";

    /**
     * @param evaluationId {@code null} when the record is missing
     * @param problem      one of {@link #HASH_MISMATCH}, {@link #MISSING_RECORD}, {@link #BROKEN_LINK}
     */
    public record BadRecord(long seq, @JsonInclude(JsonInclude.Include.ALWAYS) String evaluationId,
            String problem) {
    }
}
