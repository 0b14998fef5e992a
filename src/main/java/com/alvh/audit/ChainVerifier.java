package com.alvh.audit;

import com.alvh.audit.ChainVerification.BadRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;

/**
 * Walks the chain from seq 1 and names the first record that breaks it. Each record is checked against the
 * stored hash of its predecessor, so one altered record is reported once, not as a cascade.
 */
@ApplicationScoped
class ChainVerifier {

    @Inject
    EvaluationReader reader;

    private static final class Walk {
        long expectedSeq = 1;
        String prevHash = ChainHash.GENESIS;
        long records;
        BadRecord firstBad;

        void check(StoredEvaluation e) {
            records++;
            if (e.seq() != expectedSeq) {
                // the predecessor is gone, so the link cannot be checked, only the record itself
                bad(new BadRecord(expectedSeq, null, ChainVerification.MISSING_RECORD));
            } else if (!e.prevHash().equals(prevHash)) {
                bad(new BadRecord(e.seq(), e.record().evaluationId(), ChainVerification.BROKEN_LINK));
            }
            if (!ChainHash.expectedHash(e).equals(e.hash())) {
                bad(new BadRecord(e.seq(), e.record().evaluationId(), ChainVerification.HASH_MISMATCH));
            }
            expectedSeq = e.seq() + 1;
            prevHash = e.hash();
        }

        private void bad(BadRecord b) {
            if (firstBad == null) {
                firstBad = b;
            }
        }
    }

    ChainVerification verify() {
        Walk walk = new Walk();
        try {
            reader.forEachInSeqOrder(null, null, walk::check);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit chain", e);
        }
        return new ChainVerification(walk.firstBad == null, walk.records, walk.firstBad);
    }
}
