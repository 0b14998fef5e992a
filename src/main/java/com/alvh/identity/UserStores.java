package com.alvh.identity;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Locale;
import java.util.Properties;

/**
 * The store the {@code users} command works on, chosen as the service chooses it but without starting it (no
 * Quarkus configuration is loaded): {@code -Dalvh.identity.store} or {@code ALVH_IDENTITY_STORE}, else the database
 * when the configuration profile ({@code -Dquarkus.profile} or {@code QUARKUS_PROFILE}) includes {@code pg}, else
 * the file. The database is the one the service's {@code pg} profile uses, named by the same settings
 * ({@code QUARKUS_DATASOURCE_POSTGRESQL_JDBC_URL}, {@code _USERNAME}, {@code _PASSWORD}).
 */
final class UserStores {

    static final String DATABASE = "database";

    private UserStores() {
    }

    static UserStore forCommandLine(Path dataDir) {
        if (!DATABASE.equals(setting("alvh.identity.store", "").orElseGet(UserStores::profileStore))) {
            return new FileUserStore(dataDir);
        }
        String url = setting("quarkus.datasource.postgresql.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/alvh").get();
        Properties props = new Properties();
        props.setProperty("user", setting("quarkus.datasource.postgresql.username", "postgres").get());
        setting("quarkus.datasource.postgresql.password", "").ifPresent(p -> props.setProperty("password", p));
        return new DatabaseUserStore(() -> {
            loadDriver();
            return DriverManager.getConnection(url, props);
        });
    }

    private static String profileStore() {
        String profiles = setting("quarkus.profile", "").orElse("");
        return java.util.Arrays.asList(profiles.split(",")).contains("pg") ? DATABASE : "file";
    }

    /** A system property, else its environment variable (upper case, dots and dashes as underscores). */
    private static java.util.Optional<String> setting(String key, String fallback) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        if (value == null || value.isBlank()) {
            value = fallback;
        }
        return value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value);
    }

    /** DriverManager only sees drivers its caller's class loader can load: load the PostgreSQL one by name. */
    private static void loadDriver() {
        try {
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the PostgreSQL JDBC driver is not on the class path", e);
        }
    }
}
