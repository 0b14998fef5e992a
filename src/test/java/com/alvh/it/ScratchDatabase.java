package com.alvh.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A fresh, empty PostgreSQL database created on the server of {@code adminUrl} (e.g. the CI's
 * {@code jdbc:postgresql://127.0.0.1:5432/test}) and dropped again on close, so a run never sees an earlier one.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final String adminUrl;
    private final String user;
    private final String name;

    private ScratchDatabase(String adminUrl, String user, String name) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.name = name;
    }

    public static ScratchDatabase create(String adminUrl, String user, String prefix) throws SQLException {
        String name = prefix + "_" + Long.toString(System.currentTimeMillis(), 36) + "_" + ProcessHandle.current().pid();
        ScratchDatabase db = new ScratchDatabase(adminUrl, user, name);
        db.execute("CREATE DATABASE " + name);
        return db;
    }

    /** The JDBC URL of the scratch database: the admin URL with the database name replaced. */
    public String url() {
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
    }

    public String user() {
        return user;
    }

    /** System properties that make a packaged replica (or the users command) use this database. */
    public Map<String, String> replicaProperties() {
        return Map.of("quarkus.profile", "prod,pg", "quarkus.datasource.postgresql.jdbc.url", url(),
                "quarkus.datasource.postgresql.username", user);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, "");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, user, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
