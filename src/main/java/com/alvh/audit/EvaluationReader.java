package com.alvh.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the chain: one record, a filtered page, or all of it in seq order. */
@ApplicationScoped
class EvaluationReader {

    /** Rows fetched per round trip when streaming the whole chain. */
    private static final int FETCH_SIZE = 500;

    @FunctionalInterface
    interface RowSink {
        void accept(StoredEvaluation e) throws SQLException;
    }

    @Inject
    AuditDatabase database;

    Optional<StoredEvaluation> find(String evaluationId) {
        String sql = "SELECT " + EvaluationRows.COLUMNS + " FROM evaluation e WHERE e.evaluation_id = ?";
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, evaluationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(EvaluationRows.read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit query failed", e);
        }
    }

    /** Newest first: by asOf descending, then by seq descending (both covered by ix_evaluation_as_of). */
    List<StoredEvaluation> search(EvaluationQuery q) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(EvaluationRows.COLUMNS)
                .append(" FROM evaluation e WHERE 1 = 1");
        filters(sql, params, q);
        sql.append(" ORDER BY e.as_of DESC, e.seq DESC LIMIT ? OFFSET ?");
        params.add(q.limit());
        params.add(q.offset());
        List<StoredEvaluation> page = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = prepare(c, sql.toString(), params);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                page.add(EvaluationRows.read(rs));
            }
            return page;
        } catch (SQLException e) {
            throw new IllegalStateException("audit query failed", e);
        }
    }

    /** How many records match the filters of {@code q} (its limit and offset are ignored). */
    long count(EvaluationQuery q) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM evaluation e WHERE 1 = 1");
        filters(sql, params, q);
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = prepare(c, sql.toString(), params);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("audit query failed", e);
        }
    }

    /** The record just before {@code seq} in the chain, if any (to check one record's link). */
    Optional<StoredEvaluation> bySeq(long seq) {
        String sql = "SELECT " + EvaluationRows.COLUMNS + " FROM evaluation e WHERE e.seq = ?";
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(EvaluationRows.read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit query failed", e);
        }
    }

    /** Records per UTC day of asOf, newest day first, for the last {@code days} days that have any. */
    List<DailyCount> dailyCounts(int days) {
        String sql = "SELECT CAST(e.as_of AT TIME ZONE 'UTC' AS DATE) d, COUNT(*) FROM evaluation e"
                + " GROUP BY CAST(e.as_of AT TIME ZONE 'UTC' AS DATE) ORDER BY d DESC LIMIT ?";
        List<DailyCount> counts = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, days);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.add(new DailyCount(rs.getObject(1, java.time.LocalDate.class), rs.getLong(2)));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("audit query failed", e);
        }
    }

    private static void filters(StringBuilder sql, List<Object> params, EvaluationQuery q) {
        asOfRange(sql, params, q.from(), q.to());
        if (q.profile() != null) {
            sql.append(" AND e.profile_name = ?");
            params.add(q.profile());
        }
        if (q.dryRun() != null) {
            sql.append(" AND e.dry_run = ?");
            params.add(q.dryRun());
        }
        if (q.caller() != null) {
            // the caller column holds the name the hashed record carries (written with it, never updated)
            sql.append(" AND e.caller = ?");
            params.add(q.caller());
        }
        if (q.rule() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM evaluation_rule r WHERE r.evaluation_seq = e.seq AND r.rule = ?)");
            params.add(q.rule());
        }
        if (q.action() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM evaluation_action a"
                    + " WHERE a.evaluation_seq = e.seq AND a.action = ?)");
            params.add(q.action());
        }
    }

    /** Streams records with asOf in [from, to] (either may be null) in seq order, without loading them all. */
    void forEachInSeqOrder(Instant from, Instant to, RowSink sink) throws SQLException {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(EvaluationRows.COLUMNS)
                .append(" FROM evaluation e WHERE 1 = 1");
        asOfRange(sql, params, from, to);
        sql.append(" ORDER BY e.seq");
        try (Connection c = database.dataSource().getConnection()) {
            // PostgreSQL streams with a cursor only inside a transaction
            c.setAutoCommit(false);
            try (PreparedStatement ps = prepare(c, sql.toString(), params)) {
                ps.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(EvaluationRows.read(rs));
                    }
                }
            } finally {
                c.rollback();
            }
        }
    }

    private static void asOfRange(StringBuilder sql, List<Object> params, Instant from, Instant to) {
        if (from != null) {
            sql.append(" AND e.as_of >= ?");
            params.add(EvaluationRows.timestamp(from));
        }
        if (to != null) {
            sql.append(" AND e.as_of <= ?");
            params.add(EvaluationRows.timestamp(to));
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return ps;
    }
}
