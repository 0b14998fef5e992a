package com.alvh.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.alvh.audit.ChainSegment.Position;
import com.alvh.audit.ChainVerification.BadRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A chain checked in stretches and joined reports what one walk from the start reports, wherever the stretches
 * are cut: the first problem, the records and the last record. Rows here are plain values: seq, id, stored prev
 * and hash, and the hash recomputed from the row.
 */
class ChainSegmentTest {

    private record Row(long seq, String id, String prev, String hash, String recomputed) {
    }

    /** An intact chain of n records; hash of record k is "h" + k. */
    private static List<Row> chain(int n) {
        List<Row> rows = new ArrayList<>();
        for (long k = 1; k <= n; k++) {
            rows.add(new Row(k, "e-" + k, k == 1 ? ChainHash.GENESIS : "h" + (k - 1), "h" + k, "h" + k));
        }
        return rows;
    }

    private static Position walk(List<Row> rows, Map<Long, Checkpoint> attested, long... cuts) {
        List<ChainSegment> segments = new ArrayList<>();
        ChainSegment current = new ChainSegment(attested);
        segments.add(current);
        int cut = 0;
        for (Row r : rows) {
            while (cut < cuts.length && r.seq() > cuts[cut]) {
                current = new ChainSegment(attested);
                segments.add(current);
                cut++;
            }
            current.check(r.seq(), r.id(), r.prev(), r.hash(), r.recomputed());
        }
        Position at = Position.start(0, ChainHash.GENESIS, null);
        for (ChainSegment s : segments) {
            at = s.joinAfter(at);
        }
        return at;
    }

    /** The one-walk answer and the answer for every single and double cut agree. */
    private static BadRecord sameForEveryCut(List<Row> rows, Map<Long, Checkpoint> attested) {
        Position whole = walk(rows, attested);
        int n = rows.size() + 2;
        for (long a = 0; a <= n; a++) {
            assertEquals(whole, walk(rows, attested, a), "cut after " + a);
            for (long b = a; b <= n; b++) {
                assertEquals(whole, walk(rows, attested, a, b), "cuts after " + a + " and " + b);
            }
        }
        return whole.firstBad();
    }

    @Test
    void anIntactChainIsValidWhereverItIsCut() {
        List<Row> rows = chain(12);
        assertNull(sameForEveryCut(rows, Map.of()));
        Position whole = walk(rows, Map.of(), 4, 8);
        assertEquals(12, whole.records());
        assertEquals(12, whole.lastSeq());
        assertEquals("h12", whole.lastHash());
    }

    @Test
    void aMissingRecordIsReportedAtItsSeqEvenAtTheFirstRecordOfAStretch() {
        List<Row> rows = chain(12);
        rows.remove(4); // seq 5
        assertEquals(new BadRecord(5, null, ChainVerification.MISSING_RECORD), sameForEveryCut(rows, Map.of()));
        // cut right before the gap: the stretch starting at 6 cannot know, the join does
        assertEquals(new BadRecord(5, null, ChainVerification.MISSING_RECORD), walk(rows, Map.of(), 5).firstBad());
    }

    @Test
    void aMissingFirstRecordIsReported() {
        List<Row> rows = chain(6);
        rows.remove(0);
        assertEquals(new BadRecord(1, null, ChainVerification.MISSING_RECORD), sameForEveryCut(rows, Map.of()));
    }

    @Test
    void aBrokenLinkAtTheFirstRecordOfAStretchComesBeforeItsOwnHashMismatch() {
        List<Row> rows = chain(12);
        rows.set(6, new Row(7, "e-7", "forged", "h7", "other")); // link and hash both wrong
        assertEquals(new BadRecord(7, "e-7", ChainVerification.BROKEN_LINK), sameForEveryCut(rows, Map.of()));
        assertEquals(new BadRecord(7, "e-7", ChainVerification.BROKEN_LINK), walk(rows, Map.of(), 6).firstBad());
    }

    @Test
    void theFirstProblemWinsOverLaterOnesInLaterStretches() {
        List<Row> rows = chain(12);
        rows.set(9, new Row(10, "e-10", "h9", "h10", "x")); // later: hash mismatch
        rows.set(2, new Row(3, "e-3", "h2", "h3", "y")); // earlier: hash mismatch
        rows.remove(6); // a gap at 7 between them
        assertEquals(new BadRecord(3, "e-3", ChainVerification.HASH_MISMATCH), sameForEveryCut(rows, Map.of()));
    }

    @Test
    void aCheckpointMismatchIsFoundInWhicheverStretchHoldsTheHead() {
        Map<Long, Checkpoint> attested = new HashMap<>();
        attested.put(8L, new Checkpoint(8, 8, "signed", "2024-08-02T20:00:00.000000Z", "sig"));
        assertEquals(new BadRecord(8, "e-8", ChainVerification.CHECKPOINT_MISMATCH),
                sameForEveryCut(chain(12), attested));
    }

    @Test
    void aProblemFoundBeforeTheWalkStaysFirstAndEmptyStretchesChangeNothing() {
        BadRecord before = new BadRecord(4, null, ChainVerification.BAD_CHECKPOINT);
        List<Row> rows = chain(6);
        rows.remove(1);
        ChainSegment empty = new ChainSegment(Map.of());
        ChainSegment all = new ChainSegment(Map.of());
        rows.forEach(r -> all.check(r.seq(), r.id(), r.prev(), r.hash(), r.recomputed()));
        Position at = all.joinAfter(empty.joinAfter(Position.start(0, ChainHash.GENESIS, before)));
        assertEquals(before, at.firstBad());
        assertEquals(5, at.records());
        assertEquals(6, at.lastSeq());
    }
}
