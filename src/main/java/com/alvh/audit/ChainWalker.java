package com.alvh.audit;

import com.alvh.audit.ChainSegment.Position;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Walks the records after a seq: split by seq into up to {@code threads} stretches of at least
 * {@code minRecordsPerSegment}, each read on its own connection and thread and checked as a {@link ChainSegment},
 * then joined in seq order. Record hashes are independent of each other, and the links only compare stored
 * hashes, so the stretches need nothing from each other until the join. Reading and decoding rows is most of a
 * walk's cost (H2 decodes whole pages), which is why the reading is split, not only the hashing.
 */
final class ChainWalker {

    /** Rows per round trip; PostgreSQL streams only inside a transaction with a fetch size set. */
    private static final int FETCH_SIZE = 2000;

    private final DataSource dataSource;
    private final int threads;
    private final long minRecordsPerSegment;

    ChainWalker(DataSource dataSource, int threads, long minRecordsPerSegment) {
        this.dataSource = dataSource;
        this.threads = Math.max(1, threads);
        this.minRecordsPerSegment = Math.max(1, minRecordsPerSegment);
    }

    /** The walk from {@code start} (the last record before, and any problem already found) to the head. */
    Position walkAfter(Position start, Map<Long, Checkpoint> attested) {
        long[] bounds = bounds(start.lastSeq(), maxSeq());
        List<ChainSegment> segments = new ArrayList<>();
        for (int i = 0; i < bounds.length; i++) {
            segments.add(new ChainSegment(attested));
        }
        if (bounds.length == 1) {
            walk(segments.get(0), bounds[0], Long.MAX_VALUE);
        } else {
            walkAtOnce(segments, bounds);
        }
        Position at = start;
        for (ChainSegment s : segments) {
            at = s.joinAfter(at);
        }
        return at;
    }

    /**
     * Lower bounds (exclusive) of the stretches; each ends where the next starts, the last one is open so that
     * records appended meanwhile are walked as before.
     */
    long[] bounds(long afterSeq, long maxSeq) {
        long span = maxSeq - afterSeq;
        int n = (int) Math.max(1, Math.min(threads, span / minRecordsPerSegment));
        long[] bounds = new long[n];
        for (int i = 0; i < n; i++) {
            bounds[i] = afterSeq + span * i / n;
        }
        return bounds;
    }

    private void walkAtOnce(List<ChainSegment> segments, long[] bounds) {
        int last = bounds.length - 1;
        ExecutorService pool = Executors.newFixedThreadPool(last, r -> {
            Thread t = new Thread(r, "alvh-chain-walk");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < last; i++) {
                int k = i;
                running.add(pool.submit(() -> walk(segments.get(k), bounds[k], bounds[k + 1])));
            }
            walk(segments.get(last), bounds[last], Long.MAX_VALUE);
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while walking the audit chain", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Records with afterSeq &lt; seq &lt;= upTo, in seq order, into the segment. */
    private void walk(ChainSegment segment, long afterSeq, long upTo) {
        String sql = "SELECT " + EvaluationRows.COLUMNS + " FROM evaluation e WHERE e.seq > ? AND e.seq <= ?"
                + " ORDER BY e.seq";
        StoredRowHash hash = new StoredRowHash();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            boolean h2 = c.getMetaData().getDatabaseProductName().equals("H2");
            if (h2) {
                lazy(c, true);
            }
            try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(FETCH_SIZE);
                ps.setLong(1, afterSeq);
                ps.setLong(2, upTo);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong(1);
                        String evaluationId = rs.getString(2);
                        String storedPrev = rs.getString(15);
                        segment.check(seq, evaluationId, storedPrev, rs.getString(16),
                                hash.of(rs, seq, evaluationId, storedPrev));
                    }
                }
            } finally {
                c.rollback();
                if (h2) {
                    lazy(c, false);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit chain", e);
        }
    }

    /**
     * H2 copies a whole result into a temporary store before the first row unless the session executes queries
     * lazily; for a walk over every record that copy cost more than the checks themselves. The connection goes
     * back to the pool afterwards, so the setting is undone.
     */
    private static void lazy(Connection c, boolean on) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
    }

    private long maxSeq() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT MAX(seq) FROM evaluation");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit chain", e);
        }
    }
}
