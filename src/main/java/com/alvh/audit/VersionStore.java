package com.alvh.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import com.alvh.strategy.ContentHash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sources of every rule-set and profile version an evaluation may name, so a replay can rebuild them, and who
 * stored each. A version is a content hash, so storing it again is a no-op, and a source read back must hash to
 * its version: an edited stored source is refused on read ({@link TamperedSourceException}) and reported by verify.
 */
@ApplicationScoped
class VersionStore {

    /** SQLState for a unique-key violation, shared by H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    AuditDatabase database;

    void storeRuleSetVersion(String version, Map<String, String> files, String createdBy) {
        inTransaction(c -> {
            if (exists(c, "SELECT 1 FROM rule_set_version WHERE version = ?", version)) {
                return;
            }
            try (PreparedStatement v = c.prepareStatement(
                    "INSERT INTO rule_set_version (version, stored_at, created_by) VALUES (?, ?, ?)");
                    PreparedStatement f = c.prepareStatement(
                            "INSERT INTO rule_set_file (version, file_name, source) VALUES (?, ?, ?)")) {
                v.setString(1, version);
                v.setObject(2, EvaluationRows.timestamp(ChainHash.stored(Instant.now())));
                v.setString(3, creator(createdBy));
                v.executeUpdate();
                for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
                    f.setString(1, version);
                    f.setString(2, file.getKey());
                    f.setString(3, file.getValue());
                    f.addBatch();
                }
                f.executeBatch();
            }
        });
    }

    /** Files by name, sorted by name. */
    Optional<Map<String, String>> ruleSetFiles(String version) {
        return read(c -> {
            if (!exists(c, "SELECT 1 FROM rule_set_version WHERE version = ?", version)) {
                return Optional.empty();
            }
            Map<String, String> files = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT file_name, source FROM rule_set_file WHERE version = ? ORDER BY file_name")) {
                ps.setString(1, version);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        files.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            if (!ContentHash.ofFiles(files).equals(version)) {
                throw new TamperedSourceException("rule-set version " + version);
            }
            return Optional.of(files);
        });
    }

    void storeProfileVersion(String name, String version, String yamlSource, String createdBy) {
        inTransaction(c -> {
            if (exists(c, "SELECT 1 FROM profile_version WHERE version = ?", version)) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO profile_version (version, profile_name, source, stored_at, created_by)"
                            + " VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, version);
                ps.setString(2, name);
                ps.setString(3, yamlSource);
                ps.setObject(4, EvaluationRows.timestamp(ChainHash.stored(Instant.now())));
                ps.setString(5, creator(createdBy));
                ps.executeUpdate();
            }
        });
    }

    Optional<String> profileSource(String version) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT source FROM profile_version WHERE version = ?")) {
                ps.setString(1, version);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String source = rs.getString(1);
                    if (!ContentHash.of(source).equals(version)) {
                        throw new TamperedSourceException("profile version " + version);
                    }
                    return Optional.of(source);
                }
            }
        });
    }

    /** Who stored the version ({@code created_by}), if it is stored. */
    Optional<String> createdBy(String version) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT created_by FROM rule_set_version WHERE version = ?"
                    + " UNION ALL SELECT created_by FROM profile_version WHERE version = ?")) {
                ps.setString(1, version);
                ps.setString(2, version);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Every stored version whose sources, hashed again, no longer give the version (i.e. were edited). */
    List<String> versionsNotMatchingTheirSources() {
        return read(c -> {
            List<String> bad = new ArrayList<>();
            Map<String, Map<String, String>> ruleSets = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT v.version, f.file_name, f.source"
                    + " FROM rule_set_version v LEFT JOIN rule_set_file f ON f.version = v.version");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> files = ruleSets.computeIfAbsent(rs.getString(1), v -> new TreeMap<>());
                    if (rs.getString(2) != null) {
                        files.put(rs.getString(2), rs.getString(3));
                    }
                }
            }
            ruleSets.forEach((version, files) -> {
                if (!ContentHash.ofFiles(files).equals(version)) {
                    bad.add(version);
                }
            });
            try (PreparedStatement ps = c.prepareStatement("SELECT version, source FROM profile_version");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!ContentHash.of(rs.getString(2)).equals(rs.getString(1))) {
                        bad.add(rs.getString(1));
                    }
                }
            }
            return bad;
        });
    }

    private static String creator(String createdBy) {
        return createdBy == null || createdBy.isBlank() ? EvaluationRecord.ANONYMOUS : createdBy;
    }

    /** Every stored rule-set version, newest first. */
    java.util.List<StoredVersionInfo> ruleSetVersions() {
        return read(c -> list(c, "SELECT version, '', stored_at FROM rule_set_version ORDER BY stored_at DESC, version", null));
    }

    /** Every stored version of one profile, newest first. */
    java.util.List<StoredVersionInfo> profileVersions(String name) {
        return read(c -> list(c, "SELECT version, profile_name, stored_at FROM profile_version WHERE profile_name = ?"
                + " ORDER BY stored_at DESC, version", name));
    }

    void recordEvent(VersionEvent event) {
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO version_event (kind, subject, version, what,"
                    + " happened_at, actor) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, event.kind());
                ps.setString(2, event.subject());
                ps.setString(3, event.version());
                ps.setString(4, event.what());
                ps.setObject(5, EvaluationRows.timestamp(ChainHash.stored(event.at())));
                ps.setString(6, event.actor());
                ps.executeUpdate();
            }
        });
    }

    /** The history of one kind (and subject, for profiles), oldest first. */
    java.util.List<VersionEvent> events(String kind, String subject) {
        return read(c -> {
            java.util.List<VersionEvent> out = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT kind, subject, version, what, happened_at, actor"
                    + " FROM version_event WHERE kind = ? AND subject = ? ORDER BY id")) {
                ps.setString(1, kind);
                ps.setString(2, subject);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new VersionEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, java.time.OffsetDateTime.class).toInstant(), rs.getString(6)));
                    }
                }
            }
            return out;
        });
    }

    private static java.util.List<StoredVersionInfo> list(Connection c, String sql, String param) throws SQLException {
        java.util.List<StoredVersionInfo> out = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredVersionInfo(rs.getString(1), rs.getString(2),
                            rs.getObject(3, java.time.OffsetDateTime.class).toInstant()));
                }
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface SqlUpdate {
        void apply(Connection c) throws SQLException;
    }

    private <T> T read(SqlWork<T> work) {
        try (Connection c = database.dataSource().getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("version store query failed", e);
        }
    }

    private void inTransaction(SqlUpdate work) {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                work.apply(c);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                // a concurrent store of the same version won the race; the content is the same by definition
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new AuditWriteException("version store update failed", e);
        }
    }

    private static boolean exists(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
