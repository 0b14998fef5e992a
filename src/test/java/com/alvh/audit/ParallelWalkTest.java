package com.alvh.audit;

import static com.alvh.audit.AuditFixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alvh.audit.ChainVerification.BadRecord;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The walk split into stretches read at the same time, on the real database: 40 records walked by 4 threads in
 * stretches of 10 (seq 1-10, 11-20, 21-30, 31-), tampered at and around the stretch boundaries, must give
 * exactly the answer of one thread walking from seq 1 and of the service's own verify.
 */
@QuarkusTest
class ParallelWalkTest {

    @Inject
    AuditTrail audit;
    @Inject
    AuditDatabase database;
    @Inject
    Checkpoints checkpoints;

    @BeforeEach
    void fortyCheckpointedRecords() {
        AuditFixtures.clear(database.dataSource());
        for (int i = 1; i <= 40; i++) {
            audit.append(record("e-" + i));
        }
        assertEquals(40, audit.checkpoint().orElseThrow().headSeq());
    }

    private ChainVerifier verifier(int threads) {
        ChainVerifier v = AuditFixtures.verifier(database, checkpoints, threads);
        v.minRecordsPerSegment = 10;
        return v;
    }

    /** Four stretches and one give the same answer, full and incremental; returns the full walk's first problem. */
    private BadRecord sameAnswerInStretches() {
        ChainVerification one = verifier(1).verifyFull();
        ChainVerification four = verifier(4).verifyFull();
        assertEquals(one, four);
        assertEquals(one, audit.verify());
        assertEquals(verifier(1).verifyIncremental(), verifier(4).verifyIncremental());
        return four.firstBadRecord();
    }

    @Test
    void theStretchesAreCutAsDocumented() {
        assertEquals(4, new ChainWalker(database.dataSource(), 4, 10).bounds(0, 40).length);
        assertEquals(java.util.List.of(0L, 10L, 20L, 30L), java.util.Arrays.stream(
                new ChainWalker(database.dataSource(), 4, 10).bounds(0, 40)).boxed().toList());
        assertEquals(1, new ChainWalker(database.dataSource(), 4, 10).bounds(35, 40).length);
    }

    @Test
    void anIntactChainIsValidInStretches() {
        assertNull(sameAnswerInStretches());
        ChainVerification v = verifier(4).verifyFull();
        assertTrue(v.valid());
        assertEquals(40, v.records());
        assertEquals(0, v.recordsAfterCheckpoint());
    }

    @Test
    void aRecordDeletedAtTheStartOfAStretchIsMissing() {
        AuditFixtures.deleteRecord(database.dataSource(), 11);
        assertEquals(new BadRecord(11, null, ChainVerification.MISSING_RECORD), sameAnswerInStretches());
    }

    @Test
    void aRecordDeletedAtTheEndOfAStretchIsMissing() {
        AuditFixtures.deleteRecord(database.dataSource(), 20);
        AuditFixtures.deleteRecord(database.dataSource(), 21);
        assertEquals(new BadRecord(20, null, ChainVerification.MISSING_RECORD), sameAnswerInStretches());
    }

    @Test
    void aBrokenLinkAtTheStartOfAStretchIsReportedBeforeLaterMismatches() {
        AuditFixtures.asOwner(database.dataSource(),
                "UPDATE evaluation SET caller = 'mallory' WHERE seq IN (35, 25)",
                "UPDATE evaluation SET prev_hash = '" + "f".repeat(64) + "' WHERE seq = 21");
        assertEquals(new BadRecord(21, "e-21", ChainVerification.BROKEN_LINK), sameAnswerInStretches());
    }

    @Test
    void theFirstOfSeveralAlteredRecordsInDifferentStretchesIsReported() {
        AuditFixtures.asOwner(database.dataSource(),
                "UPDATE evaluation SET caller = 'mallory' WHERE seq IN (38, 12, 29)");
        assertEquals(new BadRecord(12, "e-12", ChainVerification.HASH_MISMATCH), sameAnswerInStretches());
    }

    @Test
    void aTruncatedTailIsFoundWhenAWholeStretchIsGone() {
        for (long seq = 40; seq >= 28; seq--) {
            AuditFixtures.deleteRecord(database.dataSource(), seq);
        }
        assertEquals(new BadRecord(28, null, ChainVerification.TRUNCATED), sameAnswerInStretches());
    }
}
