package com.alvh.audit;

import com.alvh.audit.ChainVerification.BadRecord;
import java.util.Map;

/**
 * The checks of one contiguous stretch of the chain, records in seq order. The first record's place in the chain
 * (its seq follows the record before it, its {@code prev_hash} is that record's hash) is not known to the segment:
 * it is kept and checked by {@link #joinAfter} once the stretch before has been walked, so stretches can be walked
 * at the same time and still report exactly what one walk from the start would.
 */
final class ChainSegment {

    private final Map<Long, Checkpoint> attested;
    private long records;
    private long firstSeq;
    private String firstEvaluationId;
    private String firstPrev;
    private long lastSeq;
    private String lastHash;
    /** The first problem found after the first record's link, which only {@link #joinAfter} can check. */
    private BadRecord firstBad;

    ChainSegment(Map<Long, Checkpoint> attested) {
        this.attested = attested;
    }

    /** Where a walk stands: the last record checked (seq and stored hash), and the first problem so far. */
    record Position(long records, long lastSeq, String lastHash, BadRecord firstBad) {

        static Position start(long afterSeq, String afterHash, BadRecord firstBad) {
            return new Position(0, afterSeq, afterHash, firstBad);
        }
    }

    /** One record, given its stored columns and the hash recomputed from them. */
    void check(long seq, String evaluationId, String storedPrev, String storedHash, String recomputedHash) {
        if (records == 0) {
            firstSeq = seq;
            firstEvaluationId = evaluationId;
            firstPrev = storedPrev;
        } else if (seq != lastSeq + 1) {
            // the predecessor is gone, so the link cannot be checked, only the record itself
            bad(new BadRecord(lastSeq + 1, null, ChainVerification.MISSING_RECORD));
        } else if (!storedPrev.equals(lastHash)) {
            bad(new BadRecord(seq, evaluationId, ChainVerification.BROKEN_LINK));
        }
        if (!recomputedHash.equals(storedHash)) {
            bad(new BadRecord(seq, evaluationId, ChainVerification.HASH_MISMATCH));
        }
        Checkpoint c = attested.get(seq);
        if (c != null && !c.headHash().equals(storedHash)) {
            bad(new BadRecord(seq, evaluationId, ChainVerification.CHECKPOINT_MISMATCH));
        }
        records++;
        lastSeq = seq;
        lastHash = storedHash;
    }

    private void bad(BadRecord b) {
        if (firstBad == null) {
            firstBad = b;
        }
    }

    /**
     * This segment's records appended to a walk that stands at {@code before}: its first record is checked against
     * the last one before it, and the first problem stays the one earliest in the chain.
     */
    Position joinAfter(Position before) {
        if (records == 0) {
            return before;
        }
        BadRecord link = null;
        if (firstSeq != before.lastSeq() + 1) {
            link = new BadRecord(before.lastSeq() + 1, null, ChainVerification.MISSING_RECORD);
        } else if (!firstPrev.equals(before.lastHash())) {
            link = new BadRecord(firstSeq, firstEvaluationId, ChainVerification.BROKEN_LINK);
        }
        BadRecord first = before.firstBad() != null ? before.firstBad() : link != null ? link : firstBad;
        return new Position(before.records() + records, lastSeq, lastHash, first);
    }
}
