package com.alvh.audit;

import static com.alvh.audit.AuditFixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alvh.config.AlvhConfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several writers on one database, as several replicas on one PostgreSQL would be (each its own writer, its own
 * connections): one chain, no gap, no fork. On H2 (single process) the writers share a JVM-wide head lock.
 * And a writer whose database cannot be written fails its callers fast, reports unhealthy, and recovers.
 */
@QuarkusTest
class ConcurrentWritersTest {

    @Inject
    AuditTrail audit;

    @Inject
    AuditDatabase database;

    @Inject
    AlvhConfig config;

    @BeforeEach
    void emptyStore() {
        AuditFixtures.clear(database.dataSource());
    }

    /** A writer of its own, as a second process would have (its own queue, thread, connections). */
    private ChainWriter replica(AuditDatabase db) {
        ChainWriter w = new ChainWriter();
        w.database = db;
        w.config = config;
        w.start();
        return w;
    }

    @Test
    void threeWritersAppendingConcurrentlyFormOneChain() throws Exception {
        List<ChainWriter> writers = List.of(replica(database), replica(database), replica(database));
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<Long>> seqs = new ArrayList<>();
        for (int w = 0; w < writers.size(); w++) {
            for (int t = 0; t < 4; t++) {
                for (int i = 0; i < 40; i++) {
                    ChainWriter writer = writers.get(w);
                    String id = "w" + w + "-t" + t + "-" + i;
                    seqs.add(pool.submit(() -> writer.append(record(id)).seq()));
                }
            }
        }
        TreeSet<Long> all = new TreeSet<>();
        for (Future<Long> f : seqs) {
            all.add(f.get());
        }
        pool.shutdown();
        writers.forEach(w -> w.stop(null));

        assertEquals(480, all.size());
        assertEquals(1L, all.first());
        assertEquals(480L, all.last());
        ChainVerification v = audit.verify();
        assertTrue(v.valid(), v.toString());
        assertEquals(480, v.records());
        assertTrue(writers.stream().allMatch(w -> w.batchSizes().count() > 0));
    }

    /** The database of a writer that can be switched off, as when it is down or its disk is full. */
    private static final class SwitchableDatabase extends AuditDatabase {
        final DataSource real;
        volatile boolean down;

        SwitchableDatabase(DataSource real) {
            this.real = real;
        }

        @Override
        public DataSource dataSource() {
            if (!down) {
                return real;
            }
            return (DataSource) java.lang.reflect.Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                    new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                        if (method.getName().equals("getConnection")) {
                            throw new SQLTransientConnectionException("database is down (test)", "08001");
                        }
                        return method.invoke(real, args);
                    });
        }
    }

    @Test
    void aWriterThatCannotWriteFailsFastReportsUnhealthyAndRecoversByItself() throws Exception {
        SwitchableDatabase db = new SwitchableDatabase(database.dataSource());
        ChainWriter writer = replica(db);
        try {
            writer.append(record("before"));
            assertTrue(writer.healthy());

            db.down = true;
            AuditWriteException e = assertThrows(AuditWriteException.class, () -> writer.append(record("during")));
            assertTrue(e.getMessage().contains("database is down"), e.getMessage());
            assertFalse(writer.healthy());

            db.down = false;
            // no evaluation needed: the writer probes the database by itself about once a second
            for (int i = 0; i < 100 && !writer.healthy(); i++) {
                Thread.sleep(100);
            }
            assertTrue(writer.healthy());
            writer.append(record("after"));
            assertTrue(audit.verify().valid());
            try (Connection c = database.dataSource().getConnection()) {
                assertEquals(2, ChainWriter.head(c).seq());
            }
        } finally {
            writer.stop(null);
        }
    }
}
