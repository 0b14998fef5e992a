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

    /** Column order is relied on by {@link #read} and by {@link ChainVerifier}'s walk. */
    static final String COLUMNS = "e.seq, e.evaluation_id, e.as_of, e.evaluated_at, e.recorded_at, e.profile_name,"
            + " e.profile_version, e.rule_set_version, e.dry_run, e.action_types, e.rules_fired, e.caller, e.format,"
            + " e.payload, e.prev_hash, e.hash, e.request_json, e.answer_json, e.trace_json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvaluationRows() {
    }

    /** A record on its way in: linked, with its lists already in their stored JSON form. */
    record Linked(StoredEvaluation stored, String actionTypesJson, String rulesFiredJson) {
    }

    static void insert(Connection c, List<Linked> entries) throws SQLException {
        try (PreparedStatement ev = c.prepareStatement("INSERT INTO evaluation (seq, evaluation_id, as_of,"
                + " evaluated_at, recorded_at, profile_name, profile_version, rule_set_version, dry_run, action_types,"
                + " rules_fired, caller, format, payload, prev_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement rule = c.prepareStatement(
                        "INSERT INTO evaluation_rule (evaluation_seq, rule) VALUES (?, ?)");
                PreparedStatement action = c.prepareStatement(
                        "INSERT INTO evaluation_action (evaluation_seq, action) VALUES (?, ?)")) {
            for (Linked l : entries) {
                StoredEvaluation s = l.stored();
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
                ev.setString(10, l.actionTypesJson());
                ev.setString(11, l.rulesFiredJson());
                ev.setString(12, r.caller());
                ev.setInt(13, ChainHash.FORMAT_COMPACT);
                ev.setBytes(14, s.payload().bytes());
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

    /** A whole record, payload inflated (for lookup, search, replay and export; not for verify). */
    static StoredEvaluation read(ResultSet rs) throws SQLException {
        int format = rs.getInt(13);
        byte[] bytes = rs.getBytes(14);
        Payload payload = bytes == null ? null : Payload.of(bytes);
        String[] texts;
        if (format == ChainHash.FORMAT_TEXT || payload == null) {
            texts = new String[] {nonNull(rs.getString(17)), nonNull(rs.getString(18)), nonNull(rs.getString(19))};
        } else {
            texts = readable(payload);
        }
        EvaluationRecord r = new EvaluationRecord(rs.getString(2), instant(rs, 3), instant(rs, 4), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getBoolean(9), list(rs.getString(10)), list(rs.getString(11)),
                texts[0], texts[1], texts[2], rs.getString(12));
        return new StoredEvaluation(rs.getLong(1), r, instant(rs, 5), rs.getString(15), rs.getString(16), format,
                payload);
    }

    private static String[] readable(Payload payload) {
        try {
            return payload.decode();
        } catch (Payload.UnreadablePayloadException e) {
            // a row edited by hand; verify() reports it as a hash mismatch, reading must not crash
            String text = "\"<unreadable payload>\"";
            return new String[] {text, text, text};
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static List<String> list(String jsonArray) {
        try {
            return List.of(JSON.readValue(jsonArray, String[].class));
        } catch (JsonProcessingException e) {
            // a row edited by hand; verify() reports it as a hash mismatch, reading must not crash
            return List.of("<unreadable: " + jsonArray + ">");
        }
    }
}
