package com.alvh.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Waits for {@link ActivationNotices#CHANNEL} notices on a connection of its own, outside the pool (a pooled one
 * would be held for the life of the process, and the pool may validate or replace it). The connection is opened lazily and reopened after any failure; while it cannot be
 * opened, waiting is a plain sleep, so the caller's poll still runs.
 */
@ApplicationScoped
public class ActivationListener {

    private static final Logger LOG = Logger.getLogger(ActivationListener.class);

    @ConfigProperty(name = "quarkus.datasource.postgresql.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.postgresql.username")
    Optional<String> username;
    @ConfigProperty(name = "quarkus.datasource.postgresql.password")
    Optional<String> password;

    private Connection connection;
    private boolean warned;

    /** Blocks up to {@code limit}; the payloads of the notices that arrived, if any. Called by one thread only. */
    List<String> await(Duration limit) throws InterruptedException {
        try {
            PGNotification[] notices = listening().getNotifications((int) Math.max(1, limit.toMillis()));
            return notices == null ? List.of() : Arrays.stream(notices).map(PGNotification::getParameter).toList();
        } catch (SQLException e) {
            if (!warned) {
                LOG.warnf("Not listening for activation notices (%s); polling every %s instead", e.getMessage(), limit);
                warned = true;
            }
            close();
            Thread.sleep(limit.toMillis());
            return List.of();
        }
    }

    private PGConnection listening() throws SQLException {
        if (connection == null || connection.isClosed()) {
            Class<?> driver = org.postgresql.Driver.class; // registers the driver with DriverManager
            LOG.debugf("opening a %s connection for activation notices", driver.getSimpleName());
            Properties props = new Properties();
            username.ifPresent(u -> props.setProperty("user", u));
            password.ifPresent(p -> props.setProperty("password", p));
            Connection c = DriverManager.getConnection(url, props);
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN " + ActivationNotices.CHANNEL);
            }
            connection = c;
            if (warned) {
                LOG.info("Listening for activation notices again");
                warned = false;
            }
        }
        return connection.unwrap(PGConnection.class);
    }

    void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is being discarded anyway
            }
            connection = null;
        }
    }
}
