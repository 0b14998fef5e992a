package com.alvh.lifecycle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import com.alvh.audit.AuditDatabase;
import com.alvh.config.AlvhConfig;

/**
 * The table behind {@code Idempotency-Key}: key → SHA-256 of the body → evaluation id (migration V60). A key is
 * remembered for {@code alvh.idempotency.retention}; older rows are treated as absent and purged now and then.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** Longest key accepted (the column holds 200; clients typically send a UUID). */
    public static final int MAX_LENGTH = 128;

    /** SQLState of a unique-constraint violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final long PURGE_EVERY_MILLIS = 60_000;

    /** What a key was first used with. */
    public record Entry(String bodySha256, String evaluationId) {
    }

    private final AuditDatabase database;
    private final Duration retention;
    private final AtomicLong lastPurge = new AtomicLong();

    @Inject
    public IdempotencyKeys(AuditDatabase database, AlvhConfig config) {
        this.database = database;
        this.retention = config.idempotency().retention();
    }

    /** Whether a client's key is acceptable: 1..{@value #MAX_LENGTH} printable ASCII characters. */
    public static boolean wellFormed(String key) {
        return key != null && !key.isEmpty() && key.length() <= MAX_LENGTH
                && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }

    public static String sha256(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The live entry for the key, if it was used within the retention period. */
    public Optional<Entry> find(String key) {
        String sql = "SELECT body_sha256, evaluation_id FROM idempotency_key WHERE idempotency_key = ? AND created_at >= ?";
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            ps.setObject(2, cutoff());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Entry(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency key lookup failed", e);
        }
    }

    /**
     * Remembers the key for an evaluation just recorded. Returns the entry that holds the key afterwards: this one,
     * or the one another instance stored first (a race the caller settles like any other reuse of the key).
     */
    public Entry remember(String key, Entry entry) {
        purgeNowAndThen();
        try (Connection c = database.dataSource().getConnection()) {
            // an expired row under the same key gives way to the new use
            try (PreparedStatement del = c.prepareStatement(
                    "DELETE FROM idempotency_key WHERE idempotency_key = ? AND created_at < ?")) {
                del.setString(1, key);
                del.setObject(2, cutoff());
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO idempotency_key"
                    + " (idempotency_key, body_sha256, evaluation_id, created_at) VALUES (?, ?, ?, ?)")) {
                ins.setString(1, key);
                ins.setString(2, entry.bodySha256());
                ins.setString(3, entry.evaluationId());
                ins.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
                ins.executeUpdate();
                return entry;
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return find(key).orElseThrow(() -> new IllegalStateException("idempotency key vanished", e));
            }
            throw new IllegalStateException("idempotency key could not be stored", e);
        }
    }

    private void purgeNowAndThen() {
        long now = System.currentTimeMillis();
        long last = lastPurge.get();
        if (now - last < PURGE_EVERY_MILLIS || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM idempotency_key WHERE created_at < ?")) {
            ps.setObject(1, cutoff());
            ps.executeUpdate();
        } catch (SQLException e) {
            // purging is housekeeping: an expired row is ignored by find() anyway
        }
    }

    private OffsetDateTime cutoff() {
        return OffsetDateTime.ofInstant(Instant.now().minus(retention), ZoneOffset.UTC);
    }
}
