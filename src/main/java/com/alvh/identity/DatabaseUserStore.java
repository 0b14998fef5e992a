package com.alvh.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Users in the database (table {@code service_user}), shared by every replica over one PostgreSQL: a
 * {@code users add} run once with the replicas' configuration serves all of them, at once, since nothing is cached.
 * Every change first locks the single row of {@code service_user_lock}, so the first-start admin of one replica
 * cannot race another replica's, or a {@code users add}.
 */
public final class DatabaseUserStore implements UserStore {

    /** Opens a connection; the service passes its pool, the {@code users} command a direct JDBC connection. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;

    public DatabaseUserStore(Connections connections) {
        this.connections = connections;
    }

    @Override
    public Optional<StoredUser> find(String name) {
        List<StoredUser> found = query("SELECT name, password_hash, roles FROM service_user WHERE name = ?", name);
        return found.stream().findFirst();
    }

    @Override
    public List<StoredUser> list() {
        return query("SELECT name, password_hash, roles FROM service_user ORDER BY name", null);
    }

    @Override
    public boolean put(StoredUser user) {
        return locked(c -> {
            boolean replaced = update(c, "UPDATE service_user SET password_hash = ?, roles = ? WHERE name = ?",
                    user.passwordHash(), roles(user), user.name()) > 0;
            if (!replaced) {
                insert(c, user);
            }
            return replaced;
        });
    }

    @Override
    public boolean remove(String name) {
        return locked(c -> update(c, "DELETE FROM service_user WHERE name = ?", name) > 0);
    }

    @Override
    public boolean putIfEmpty(StoredUser user) {
        return locked(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM service_user");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return false;
                }
            }
            insert(c, user);
            return true;
        });
    }

    private static void insert(Connection c, StoredUser user) throws SQLException {
        update(c, "INSERT INTO service_user (name, password_hash, roles) VALUES (?, ?, ?)", user.name(),
                user.passwordHash(), roles(user));
    }

    private static String roles(StoredUser user) {
        return String.join(",", user.sortedRoles());
    }

    private static int update(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction holding the store's lock row. */
    private <T> T locked(Work<T> work) {
        try (Connection c = connections.open()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("SELECT id FROM service_user_lock WHERE id = 1 FOR UPDATE")) {
                    lock.executeQuery().close();
                }
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("change", e);
        }
    }

    private List<StoredUser> query(String sql, String name) {
        try (Connection c = connections.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (name != null) {
                ps.setString(1, name);
            }
            List<StoredUser> users = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Set<String> roles = new TreeSet<>(Arrays.asList(rs.getString(3).split(",")));
                    roles.remove("");
                    users.add(new StoredUser(rs.getString(1), rs.getString(2), roles));
                }
            }
            return users;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    private static IllegalStateException failure(String what, SQLException e) {
        // 42P01: PostgreSQL's undefined table; 42S02 / 42S04: H2's
        boolean noTable = java.util.List.of("42P01", "42S02", "42S04").contains(e.getSQLState());
        return new IllegalStateException("cannot " + what + " the users in the database: " + e.getMessage()
                + (noTable ? " (start the service once with this configuration: it creates its tables)" : ""), e);
    }
}
