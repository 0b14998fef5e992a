package com.alvh.audit;

import com.alvh.audit.ChainSegment.Position;
import com.alvh.audit.ChainVerification.BadRecord;
import com.alvh.config.AlvhConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * The walk streams rows with forward-only cursors and hashes the stored bytes; it parses no JSON and inflates
 * nothing (format 2). Each record is checked against the stored hash of its predecessor, so one altered record
 * is reported once, not as a cascade. A long walk is split into stretches read at the same time
 * ({@link ChainWalker}); the first problem reported is the same as one walk from the start would find.
 */
@ApplicationScoped
class ChainVerifier {

    /** Below this many records per stretch a second thread costs more than it saves. */
    static final long MIN_RECORDS_PER_SEGMENT = 20_000;

    @Inject
    AuditDatabase database;
    @Inject
    Checkpoints checkpoints;
    @Inject
    VersionStore versions;
    @Inject
    AlvhConfig config;

    int walkThreads = Runtime.getRuntime().availableProcessors();
    long minRecordsPerSegment = MIN_RECORDS_PER_SEGMENT;

    @PostConstruct
    void init() {
        config.audit().verifyThreads().ifPresent(n -> walkThreads = n);
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
        Optional<Checkpoint> latest = latestValid(all);
        Position walked = truncation(walkAfter(Position.start(0, ChainHash.GENESIS, badCheckpoint), attested),
                latest);
        long after = latest.map(c -> Math.max(0, walked.lastSeq() - c.headSeq())).orElse(walked.records());
        return outcome(walked, "full", latest.orElse(null), walked.records(), after);
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
        BadRecord bad = latestRead.signatureValid() ? null
                : new BadRecord(latestRead.checkpoint().headSeq(), null, ChainVerification.BAD_CHECKPOINT);
        long attested;
        try (Connection conn = database.dataSource().getConnection()) {
            attested = countUpTo(conn, c.headSeq());
            if (attested < c.records()) {
                bad = first(bad, firstMissing(conn, c));
            }
            Optional<String[]> head = headAt(conn, c.headSeq());
            if (head.isPresent() && !head.get()[1].equals(c.headHash())) {
                bad = first(bad, new BadRecord(c.headSeq(), head.get()[0], ChainVerification.CHECKPOINT_MISMATCH));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit chain", e);
        }
        Position walked = walkAfter(Position.start(c.headSeq(), c.headHash(), bad), Map.of());
        return outcome(walked, "incremental", c, attested + walked.records(), walked.records());
    }

    private Position walkAfter(Position start, Map<Long, Checkpoint> attested) {
        return new ChainWalker(database.dataSource(), walkThreads, minRecordsPerSegment).walkAfter(start, attested);
    }

    private static BadRecord first(BadRecord earlier, BadRecord later) {
        return earlier != null ? earlier : later;
    }

    private ChainVerification outcome(Position walked, String mode, Checkpoint checkpoint, long records,
            long afterCheckpoint) {
        List<String> badVersions = versions.versionsNotMatchingTheirSources();
        boolean valid = walked.firstBad() == null && badVersions.isEmpty();
        return new ChainVerification(valid, records, walked.firstBad(), mode, checkpoint, afterCheckpoint,
                badVersions);
    }

    private static Position truncation(Position walked, Optional<Checkpoint> latest) {
        if (latest.isPresent() && walked.lastSeq() < latest.get().headSeq()) {
            return new Position(walked.records(), walked.lastSeq(), walked.lastHash(), first(walked.firstBad(),
                    new BadRecord(walked.lastSeq() + 1, null, ChainVerification.TRUNCATED)));
        }
        return walked;
    }

    private static Optional<Checkpoint> latestValid(List<Checkpoints.Read> all) {
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).signatureValid()) {
                return Optional.of(all.get(i).checkpoint());
            }
        }
        return Optional.empty();
    }

    /**
     * Rows up to a seq, as all rows less those after it, in one statement (one snapshot): H2 counts a whole table
     * without reading it, but counting a range of the primary key reads every row in it, the payloads included
     * (about 1 s for 150k records), while the rows after a checkpoint are few.
     */
    private static long countUpTo(Connection c, long upToSeq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT COUNT(*) FROM evaluation)"
                + " - (SELECT COUNT(*) FROM evaluation WHERE seq > ?)")) {
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
