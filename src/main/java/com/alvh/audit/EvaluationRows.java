package com.alvh.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;

/** Maps {@link StoredEvaluation} to and from the {@code evaluation} table and its two search indexes. */
final class EvaluationRows {

    static final String COLUMNS = "e.seq, e.evaluation_id, e.as_of, e.evaluated_at, e.recorded_at, e.profile_name,"
            + " e.profile_version, e.rule_set_version, e.dry_run, e.action_types, e.rules_fired, e.request_json,"
            + " e.answer_json, e.trace_json, e.prev_hash, e.hash";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvaluationRows() {
    }

    static void insert(Connection c, List<StoredEvaluation> entries) throws SQLException {
        try (PreparedStatement ev = c.prepareStatement("INSERT INTO evaluation (seq, evaluation_id, as_of,"
                + " evaluated_at, recorded_at, profile_name, profile_version, rule_set_version, dry_run, action_types,"
                + " rules_fired, request_json, answer_json, trace_json, prev_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement rule = c.prepareStatement(
                        "INSERT INTO evaluation_rule (evaluation_seq, rule) VALUES (?, ?)");
                PreparedStatement action = c.prepareStatement(
                        "INSERT INTO evaluation_action (evaluation_seq, action) VALUES (?, ?)")) {
            for (StoredEvaluation s : entries) {
                EvaluationRecord r = s.record();
                ev.setLong(1, s.seq());
                ev.setString(2, r.evaluationId());
                ev.setObject(3, timestamp(r.asOf()));
                ev.setObject(4, timestamp(r.evaluatedAt()));
                ev.setObject(5, timestamp(s.recordedAt()));
                ev.setString(6, r.profileName());
                ev.setString(7, r.profileVersion());
                ev.setString(8, r.ruleSetVersion());
                ev.setBoolean(9, r.dryRun());
                ev.setString(10, CanonicalJson.array(r.actionTypes()));
                ev.setString(11, CanonicalJson.array(r.rulesFired()));
                ev.setString(12, r.requestJson());
                ev.setString(13, r.answerJson());
                ev.setString(14, r.traceJson());
                ev.setString(15, s.prevHash());
                ev.setString(16, s.hash());
                ev.addBatch();
                addDistinct(rule, s.seq(), r.rulesFired());
                addDistinct(action, s.seq(), r.actionTypes());
            }
            // parents first: the index tables reference evaluation(seq)
            ev.executeBatch();
            rule.executeBatch();
            action.executeBatch();
        }
    }

    private static void addDistinct(PreparedStatement ps, long seq, List<String> values) throws SQLException {
        for (String v : new LinkedHashSet<>(values)) {
            ps.setLong(1, seq);
            ps.setString(2, v);
            ps.addBatch();
        }
    }

    static StoredEvaluation read(ResultSet rs) throws SQLException {
        EvaluationRecord r = new EvaluationRecord(rs.getString(2), instant(rs, 3), instant(rs, 4), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getBoolean(9), list(rs.getString(10)), list(rs.getString(11)),
                rs.getString(12), rs.getString(13), rs.getString(14));
        return new StoredEvaluation(rs.getLong(1), r, instant(rs, 5), rs.getString(15), rs.getString(16));
    }

    static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static List<String> list(String jsonArray) throws SQLException {
        try {
            return List.of(JSON.readValue(jsonArray, String[].class));
        } catch (JsonProcessingException e) {
            // a row edited by hand; verify() reports it as a hash mismatch, reading must not crash
            return List.of("<unreadable: " + jsonArray + ">");
        }
    }
}
