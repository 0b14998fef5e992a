package com.alvh.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.alvh.audit.AuditDatabase;
import com.alvh.audit.VersionEvent;

/**
 * The rule-set activations of the version history, read as the cluster's source of truth: the latest one names the
 * version every replica serves. Ids grow with every event, so "is there a newer activation" is one indexed query.
 */
@ApplicationScoped
public class ActivationLog {

    /** One activation event: its id in the history, the version and who activated it. */
    public record Activation(long id, String version, String actor) {
    }

    private static final String LATEST = "SELECT id, version, actor FROM version_event"
            + " WHERE kind = ? AND subject = '' AND what = ? %s ORDER BY id DESC LIMIT 1";

    @Inject
    AuditDatabase database;

    /** The latest rule-set activation, whoever made it. */
    public Optional<Activation> latest() {
        return query(String.format(LATEST, ""), null);
    }

    /** The latest activation made by loading a rules directory (the actor {@code actor}). */
    public Optional<Activation> latestBy(String actor) {
        return query(String.format(LATEST, "AND actor = ?"), actor);
    }

    private Optional<Activation> query(String sql, String actor) {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, VersionEvent.RULE_SET);
            ps.setString(2, VersionEvent.ACTIVATED);
            if (actor != null) {
                ps.setString(3, actor);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Activation(rs.getLong(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the latest rule-set activation", e);
        }
    }
}
