package com.alvh.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.jboss.logging.Logger;

/**
 * Keeps the embedded H2 file from growing faster than the records it holds, run by the chain writer's upkeep thread
 * beside its commits (docs/audit-chain.md, "Embedded store upkeep").
 *
 * <p>H2 writes every commit as a new chunk of changed pages (copy on write) and frees a chunk only once none of its
 * pages is live and it is older than RETENTION_TIME. With WRITE_DELAY=0, which every commit's durability needs,
 * H2 starts no background thread, so nothing rewrites the few live pages left in old chunks: every chunk stays,
 * mostly dead, and the file grew by about 17 KB per 2.8 KB record. This class does what that thread would do:
 * <ul>
 * <li>rewrites the live pages of sparse chunks ({@link MVStore#compact}, a bounded amount per call), so whole
 * chunks die and their space is reused;</li>
 * <li>forces the file to the device ({@link MVStore#sync}, an fsync that takes no store lock) at least once a second, which is what lets the
 * service run with a short RETENTION_TIME: H2 assumes a chunk reached the disk before its retention ends, since
 * it then overwrites what was freed after it.</li>
 * </ul>
 */
final class EmbeddedStoreUpkeep {

    private static final Logger LOG = Logger.getLogger(EmbeddedStoreUpkeep.class);
    /** Chunks are rewritten while fewer than this percent of their bytes are live. */
    static final int TARGET_FILL_PERCENT = 90;
    /** Most bytes of live pages rewritten per call, so a commit waits for at most a little extra writing. */
    static final int REWRITE_BYTES_PER_CALL = 512 * 1024;
    /** The upkeep thread's pause between rounds; each round compacts a little. */
    static final long ROUND_MILLIS = 25;
    /** Must stay well below RETENTION_TIME in application.properties (5000 ms). */
    private static final long SYNC_EVERY_NANOS = 1_000_000_000L;

    private long lastSync = System.nanoTime();
    private boolean unavailable;

    /** Whether the database turned out not to be an embedded H2 one: there is nothing to keep up. */
    boolean unavailable() {
        return unavailable;
    }

    /** One round of the upkeep thread, with a connection of its own: compaction, and the fsync once a second. */
    void run(Connection c) {
        long now = System.nanoTime();
        boolean sync = now - lastSync >= SYNC_EVERY_NANOS;
        if (sync) {
            lastSync = now;
        }
        run(c, true, sync);
    }

    /** One round: rewrite the live pages of sparse chunks, and/or store and fsync. */
    void run(Connection c, boolean compact, boolean sync) {
        try {
            MVStore store = store(c);
            if (store == null) {
                unavailable = true;
                return;
            }
            if (compact) {
                store.compact(TARGET_FILL_PERCENT, REWRITE_BYTES_PER_CALL);
            }
            if (sync) {
                // fsync only: every chunk written so far reaches the device. CHECKPOINT SYNC would also store
                // everything under the store's lock first, holding every commit for tens of milliseconds each second
                store.sync();
            }
        } catch (SQLException | RuntimeException e) {
            // upkeep only: the records are committed already; the next round tries again
            LOG.warnf("audit store upkeep failed: %s", e.toString());
        }
    }

    /** The MVStore behind an embedded H2 connection, or {@code null} for any other database. */
    static MVStore store(Connection c) throws SQLException {
        if (!c.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        return c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal s
                ? s.getDatabase().getStore().getMvStore()
                : null;
    }
}
