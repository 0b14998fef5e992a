package com.alvh.audit;

import com.alvh.audit.ChainVerification.BadRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the chain: every record's hash and link, every signed checkpoint's head, and the stored sources.
 * The walk streams rows with a forward-only cursor and hashes the stored bytes; it parses no JSON and inflates
 * nothing (format 2). Each record is checked against the stored hash of its predecessor, so one altered record
 * is reported once, not as a cascade.
 */
@ApplicationScoped
class ChainVerifier {

    /** Rows per round trip; PostgreSQL streams only inside a transaction with a fetch size set. */
    private static final int FETCH_SIZE = 2000;

    @Inject
    AuditDatabase database;
    @Inject
    Checkpoints checkpoints;
    @Inject
    VersionStore versions;

    private static final class Walk {
        final MessageDigest sha256 = ChainHash.sha256();
        final Map<Long, Checkpoint> attested;
        long expectedSeq;
        String prevHash;
        long records;
        BadRecord firstBad;

        Walk(long afterSeq, String afterHash, Map<Long, Checkpoint> attested) {
            this.expectedSeq = afterSeq + 1;
            this.prevHash = afterHash;
            this.attested = attested;
        }

        void check(ResultSet rs) throws SQLException {
            records++;
            long seq = rs.getLong(1);
            String evaluationId = rs.getString(2);
            String storedPrev = rs.getString(15);
            String storedHash = rs.getString(16);
            if (seq != expectedSeq) {
                // the predecessor is gone, so the link cannot be checked, only the record itself
                bad(new BadRecord(expectedSeq, null, ChainVerification.MISSING_RECORD));
            } else if (!storedPrev.equals(prevHash)) {
                bad(new BadRecord(seq, evaluationId, ChainVerification.BROKEN_LINK));
            }
            if (!expectedHash(rs, seq, evaluationId, storedPrev).equals(storedHash)) {
                bad(new BadRecord(seq, evaluationId, ChainVerification.HASH_MISMATCH));
            }
            Checkpoint c = attested.get(seq);
            if (c != null && !c.headHash().equals(storedHash)) {
                bad(new BadRecord(seq, evaluationId, ChainVerification.CHECKPOINT_MISMATCH));
            }
            expectedSeq = seq + 1;
            prevHash = storedHash;
        }

        private String expectedHash(ResultSet rs, long seq, String evaluationId, String storedPrev)
                throws SQLException {
            if (rs.getInt(13) == ChainHash.FORMAT_TEXT) {
                return ChainHash.expectedHash(EvaluationRows.read(rs));
            }
            byte[] payload = rs.getBytes(14);
            String header = ChainHash.header(seq, evaluationId, EvaluationRows.instant(rs, 3),
                    EvaluationRows.instant(rs, 4), EvaluationRows.instant(rs, 5), rs.getString(6), rs.getString(7),
                    rs.getString(8), rs.getBoolean(9), rs.getString(10), rs.getString(11), rs.getString(12));
            return ChainHash.compactHash(sha256, header, payload == null ? new byte[0] : payload, storedPrev);
        }

        void bad(BadRecord b) {
            if (firstBad == null) {
                firstBad = b;
            }
        }
    }

    /** Every record from seq 1, checked against every checkpoint on the way. */
    ChainVerification verifyFull() {
        List<Checkpoints.Read> all = checkpoints.all();
        Map<Long, Checkpoint> attested = new HashMap<>();
        BadRecord badCheckpoint = null;
        for (Checkpoints.Read r : all) {
            if (r.signatureValid()) {
                attested.put(r.checkpoint().headSeq(), r.checkpoint());
            } else if (badCheckpoint == null) {
                badCheckpoint = new BadRecord(r.checkpoint().headSeq(), null, ChainVerification.BAD_CHECKPOINT);
            }
        }
        Walk walk = new Walk(0, ChainHash.GENESIS, attested);
        walk.bad(badCheckpoint);
        walkAfter(0, walk);
        Optional<Checkpoint> latest = latestValid(all);
        latest.ifPresent(c -> truncation(walk, c));
        long after = latest.map(c -> Math.max(0, walk.expectedSeq - 1 - c.headSeq())).orElse(walk.records);
        return outcome(walk, "full", latest.orElse(null), walk.records, after);
    }

    /**
     * From the latest checkpoint on: the rows it attests are counted (a deleted or truncated row shows), the
     * row at its head must carry its hash (a rewrite with re-computed hashes shows), and the rows after it are
     * walked. An edit of one older row that leaves the rows after it alone shows only in a full walk.
     */
    ChainVerification verifyIncremental() {
        List<Checkpoints.Read> all = checkpoints.all();
        if (all.isEmpty()) {
            return verifyFull();
        }
        Checkpoints.Read latestRead = all.get(all.size() - 1);
        Optional<Checkpoint> latest = latestValid(all);
        if (latest.isEmpty()) {
            return verifyFull();
        }
        Checkpoint c = latest.get();
        Walk walk = new Walk(c.headSeq(), c.headHash(), Map.of());
        if (!latestRead.signatureValid()) {
            walk.bad(new BadRecord(latestRead.checkpoint().headSeq(), null, ChainVerification.BAD_CHECKPOINT));
        }
        try (Connection conn = database.dataSource().getConnection()) {
            long attested = count(conn, c.headSeq());
            if (attested < c.records()) {
                walk.bad(firstMissing(conn, c));
            }
            headAt(conn, c.headSeq()).ifPresent(h -> {
                if (!h[1].equals(c.headHash())) {
                    walk.bad(new BadRecord(c.headSeq(), h[0], ChainVerification.CHECKPOINT_MISMATCH));
                }
            });
            walkAfter(c.headSeq(), walk);
            return outcome(walk, "incremental", c, attested + walk.records, walk.records);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit chain", e);
        }
    }

    private ChainVerification outcome(Walk walk, String mode, Checkpoint checkpoint, long records,
            long afterCheckpoint) {
        List<String> badVersions = versions.versionsNotMatchingTheirSources();
        boolean valid = walk.firstBad == null && badVersions.isEmpty();
        return new ChainVerification(valid, records, walk.firstBad, mode, checkpoint, afterCheckpoint, badVersions);
    }

    private static void truncation(Walk walk, Checkpoint c) {
        if (walk.expectedSeq - 1 < c.headSeq()) {
            walk.bad(new BadRecord(walk.expectedSeq, null, ChainVerification.TRUNCATED));
        }
    }

    private static Optional<Checkpoint> latestValid(List<Checkpoints.Read> all) {
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).signatureValid()) {
                return Optional.of(all.get(i).checkpoint());
            }
        }
        return Optional.empty();
    }

    private void walkAfter(long afterSeq, Walk walk) {
        String sql = "SELECT " + EvaluationRows.COLUMNS + " FROM evaluation e WHERE e.seq > ? ORDER BY e.seq";
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(FETCH_SIZE);
                ps.setLong(1, afterSeq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        walk.check(rs);
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit chain", e);
        }
    }

    private static long count(Connection c, long upToSeq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM evaluation WHERE seq <= ?")) {
            ps.setLong(1, upToSeq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** evaluationId and hash of the row at seq, if present. */
    private static Optional<String[]> headAt(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT evaluation_id, hash FROM evaluation WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)}) : Optional.empty();
            }
        }
    }

    /** Only run when rows are missing: the first seq absent, or the truncation point. */
    private static BadRecord firstMissing(Connection c, Checkpoint cp) throws SQLException {
        if (!headAt(c, 1).isPresent()) {
            return new BadRecord(1, null, firstProblem(c, cp, 1));
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(e.seq) + 1 FROM evaluation e WHERE e.seq < ?"
                + " AND NOT EXISTS (SELECT 1 FROM evaluation n WHERE n.seq = e.seq + 1)")) {
            ps.setLong(1, cp.headSeq());
            try (ResultSet rs = ps.executeQuery()) {
                long seq = rs.next() && rs.getObject(1) != null ? rs.getLong(1) : cp.headSeq();
                return new BadRecord(seq, null, firstProblem(c, cp, seq));
            }
        }
    }

    /** A gap followed by more attested rows is a missing record; no rows up to the head is a truncation. */
    private static String firstProblem(Connection c, Checkpoint cp, long missingSeq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM evaluation WHERE seq > ? AND seq <= ?")) {
            ps.setLong(1, missingSeq);
            ps.setLong(2, cp.headSeq());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0 ? ChainVerification.MISSING_RECORD : ChainVerification.TRUNCATED;
            }
        }
    }
}
