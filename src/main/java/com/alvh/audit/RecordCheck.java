package com.alvh.audit;

/**
 * One record's place in the chain: its own hash recomputed, and its link to the record before it.
 *
 * @param hashValid whether the stored hash equals the hash of the stored content and prevHash
 * @param linkValid whether prevHash equals the predecessor's stored hash (genesis for seq 1)
 */
public record RecordCheck(String evaluationId, long seq, String hash, String prevHash, boolean hashValid,
        boolean linkValid) {

    public boolean valid() {
        return hashValid && linkValid;
    }
}
