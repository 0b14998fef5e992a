package com.alvh.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.alvh.audit.AuditDatabase;

/**
 * Tells the other replicas about rule-set versions with PostgreSQL's {@code NOTIFY} on {@link #CHANNEL}: a
 * candidate that passed the scenario gate ({@code prepare:VERSION}: compile it now, so that its activation is only a
 * swap) and an activation ({@code activated:VERSION}). A notice only wakes them up early: they read the activation
 * itself from the version history, and poll it anyway, so a lost notice (or H2, which has none) costs at most one
 * poll interval, and a lost prepare notice a compile at activation.
 */
@ApplicationScoped
public class ActivationNotices {

    /** The PostgreSQL notification channel; the payload is {@link #PREPARE} or {@link #ACTIVATED} and the version. */
    public static final String CHANNEL = "alvh_ruleset";
    static final String PREPARE = "prepare:";
    static final String ACTIVATED = "activated:";
    static final String PROFILE_ACTIVATED = "profile-activated:";

    private static final Logger LOG = Logger.getLogger(ActivationNotices.class);

    @Inject
    AuditDatabase database;

    private volatile Boolean postgres;

    /** Sends the notice after the activation was recorded; never fails the activation itself. */
    public void activated(String version) {
        send(ACTIVATED + version);
    }

    /** A profile version was activated: replicas read the profiles' latest activations now rather than at their poll. */
    public void profileActivated(String name, String version) {
        send(PROFILE_ACTIVATED + name + ":" + version);
    }

    /** A stored candidate passed the scenario gate and may be activated: replicas compile it ahead. */
    public void prepare(String version) {
        send(PREPARE + version);
    }

    private void send(String payload) {
        try (Connection c = database.dataSource().getConnection()) {
            if (!isPostgres(c)) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                ps.setString(1, CHANNEL);
                ps.setString(2, payload);
                ps.execute();
            }
            if (!c.getAutoCommit()) {
                c.commit(); // a notification is delivered on commit
            }
        } catch (SQLException e) {
            LOG.warnf("Could not notify the other replicas (%s); an activation is seen at their next poll: %s",
                    payload, e.getMessage());
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
