package com.alvh.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/** Records to append and SQL to reset or tamper with the store; the tests share one database. */
public final class AuditFixtures {

    private AuditFixtures() {
    }

    public static EvaluationRecord record(String id, String asOf, String profile, List<String> actions,
            List<String> rules) {
        return new EvaluationRecord(id, Instant.parse(asOf), Instant.parse("2024-08-02T20:00:01.123456789Z"),
                profile, "sha256:" + profile, "sha256:rules-1", false, actions, rules,
                "{\"profile\":\"" + profile + "\",\"asOf\":\"" + asOf + "\",\"note\":\"line\\nbreak é\"}",
                "{\"evaluationId\":\"" + id + "\",\"asOf\":\"" + asOf + "\",\"decision\":{\"actions\":[]}}",
                "{\"timingsMs\":{\"fire\":1.5}}");
    }

    public static EvaluationRecord record(String id) {
        return record(id, "2024-08-02T20:00:00Z", "balanced", List.of("HOLD"), List.of("Hold when calm"));
    }

    public static void clear(DataSource ds) {
        sql(ds, "DELETE FROM evaluation_rule", "DELETE FROM evaluation_action", "DELETE FROM evaluation",
                "DELETE FROM rule_set_file", "DELETE FROM rule_set_version", "DELETE FROM profile_version");
    }

    public static void sql(DataSource ds, String... statements) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.executeUpdate(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes one record the way an intruder with SQL access would (index rows first, they reference it). */
    public static void deleteRecord(DataSource ds, long seq) {
        sql(ds, "DELETE FROM evaluation_rule WHERE evaluation_seq = " + seq,
                "DELETE FROM evaluation_action WHERE evaluation_seq = " + seq,
                "DELETE FROM evaluation WHERE seq = " + seq);
    }
}
