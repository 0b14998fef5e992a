package com.alvh.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.alvh.audit.AuditDatabase;

/**
 * Tells the other replicas that a rule-set version was activated, with PostgreSQL's {@code NOTIFY} on
 * {@link #CHANNEL}. A notice only wakes them up early: they read the activation itself from the version history,
 * and poll it anyway, so a lost notice (or H2, which has none) costs at most one poll interval.
 */
@ApplicationScoped
public class ActivationNotices {

    /** The PostgreSQL notification channel; the payload is the activated version. */
    public static final String CHANNEL = "alvh_ruleset_activated";

    private static final Logger LOG = Logger.getLogger(ActivationNotices.class);

    @Inject
    AuditDatabase database;

    private volatile Boolean postgres;

    /** Sends the notice after the activation was recorded; never fails the activation itself. */
    public void activated(String version) {
        try (Connection c = database.dataSource().getConnection()) {
            if (!isPostgres(c)) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                ps.setString(1, CHANNEL);
                ps.setString(2, version);
                ps.execute();
            }
            if (!c.getAutoCommit()) {
                c.commit(); // a notification is delivered on commit
            }
        } catch (SQLException e) {
            LOG.warnf("Could not notify the other replicas of activation %s (they will see it at their next poll): %s",
                    version, e.getMessage());
        }
    }

    private boolean isPostgres(Connection c) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            known = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
            postgres = known;
        }
        return known;
    }
}
