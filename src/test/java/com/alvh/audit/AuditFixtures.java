package com.alvh.audit;

import com.alvh.config.AlvhConfig;
import io.quarkus.arc.Arc;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Records to append and SQL to reset or tamper with the store; the tests share one database. The audit tables
 * refuse UPDATE and DELETE (db/migration-*&#47;V3), so resetting and tampering go through {@link #asOwner}, which
 * does what a database owner can: lift the triggers for its statements.
 */
public final class AuditFixtures {

    private static final List<String> TABLES = List.of("evaluation", "evaluation_rule", "evaluation_action",
            "rule_set_version", "rule_set_file", "profile_version");

    private AuditFixtures() {
    }

    public static EvaluationRecord record(String id, String asOf, String profile, List<String> actions,
            List<String> rules) {
        return new EvaluationRecord(id, Instant.parse(asOf), Instant.parse("2024-08-02T20:00:01.123456789Z"),
                profile, "sha256:" + profile, "sha256:rules-1", false, actions, rules,
                "{\"profile\":\"" + profile + "\",\"asOf\":\"" + asOf + "\",\"note\":\"line\\nbreak é\"}",
                "{\"evaluationId\":\"" + id + "\",\"asOf\":\"" + asOf + "\",\"decision\":{\"actions\":[]}}",
                "{\"timingsMs\":{\"fire\":1.5}}", "tester");
    }

    public static EvaluationRecord record(String id) {
        return record(id, "2024-08-02T20:00:00Z", "balanced", List.of("HOLD"), List.of("Hold when calm"));
    }

    /** Empties the audit tables and forgets the signed checkpoints (they would attest records no longer there). */
    public static void clear(DataSource ds) {
        asOwner(ds, "DELETE FROM evaluation_rule", "DELETE FROM evaluation_action", "DELETE FROM evaluation",
                "DELETE FROM rule_set_file", "DELETE FROM rule_set_version", "DELETE FROM profile_version");
        Arc.container().instance(ChainWriter.class).get().forgetHead();
        Arc.container().instance(Checkpoints.class).get().discardAll();
        Arc.container().instance(com.alvh.lifecycle.EvaluationRecorder.class).get().forgetStoredVersions();
    }

    /** Statements as the service's role runs them: the append-only triggers apply. */
    public static void sql(DataSource ds, String... statements) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.executeUpdate(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Statements as a database owner who lifts the append-only triggers: on PostgreSQL by
     * {@code session_replication_role = replica} (superuser; triggers do not fire), on H2 by dropping and
     * re-creating them. An intruder with those rights can do the same; the signed checkpoints catch it.
     */
    public static void asOwner(DataSource ds, String... statements) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            if (postgres) {
                s.execute("SET session_replication_role = replica");
            } else {
                for (String table : TABLES) {
                    s.execute("DROP TRIGGER IF EXISTS " + table + "_append_only");
                }
            }
            try {
                for (String sql : statements) {
                    s.executeUpdate(sql);
                }
            } finally {
                if (postgres) {
                    s.execute("SET session_replication_role = DEFAULT");
                } else {
                    for (String table : TABLES) {
                        s.execute("CREATE TRIGGER " + table + "_append_only BEFORE UPDATE, DELETE ON " + table
                                + " FOR EACH ROW CALL 'com.alvh.audit.AppendOnlyTrigger'");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes one record the way an intruder with owner rights would (index rows first, they reference it). */
    public static void deleteRecord(DataSource ds, long seq) {
        asOwner(ds, "DELETE FROM evaluation_rule WHERE evaluation_seq = " + seq,
                "DELETE FROM evaluation_action WHERE evaluation_seq = " + seq,
                "DELETE FROM evaluation WHERE seq = " + seq);
    }

    /**
     * For code run outside Quarkus (benchmarks, plain tests): the service's own configuration mapping with its
     * documented defaults, only the data directory set.
     */
    public static AlvhConfig config(Path dir) {
        return new io.smallrye.config.SmallRyeConfigBuilder()
                .withMapping(AlvhConfig.class)
                // "30s" style durations, as Quarkus reads them
                .withConverter(Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withDefaultValue("alvh.data-dir", dir.toString())
                .withDefaultValue("alvh.audit.checkpoint-every", "1000")
                .build()
                .getConfigMapping(AlvhConfig.class);
    }

    /**
     * A verifier wired by hand (outside Quarkus, or with test-only walk settings): the given store and checkpoints,
     * the versions read from the same store, {@code threads} stretches at most.
     */
    static ChainVerifier verifier(AuditDatabase database, Checkpoints checkpoints, int threads) {
        ChainVerifier v = new ChainVerifier();
        v.database = database;
        v.checkpoints = checkpoints;
        VersionStore versions = new VersionStore();
        versions.database = database;
        v.versions = versions;
        v.walkThreads = threads;
        return v;
    }
}
