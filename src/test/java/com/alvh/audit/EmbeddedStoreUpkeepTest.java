package com.alvh.audit;

import static com.alvh.audit.AuditFixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The H2 file upkeep the chain writer runs between commits (compaction, fsync) reaches the store and harms nothing. */
@QuarkusTest
class EmbeddedStoreUpkeepTest {

    @Inject
    AuditTrail audit;

    @Inject
    AuditDatabase database;

    @BeforeEach
    void emptyStore() {
        AuditFixtures.clear(database.dataSource());
    }

    @Test
    void findsTheStoreWithTheConfiguredRetentionAndPageSize() throws Exception {
        try (Connection c = database.dataSource().getConnection()) {
            MVStore store = EmbeddedStoreUpkeep.store(c);
            assertNotNull(store, "the pool's connections are embedded H2 ones");
            // application.properties: a short retention only together with the writer's fsync every second
            assertEquals(5000, store.getRetentionTime());
            assertEquals(4096, store.getFileStore().getMaxPageSize());
        }
    }

    @Test
    void compactingAndSyncingBetweenAppendsKeepsEveryRecordAndTheChain() throws Exception {
        EmbeddedStoreUpkeep upkeep = new EmbeddedStoreUpkeep();
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 20; i++) {
                audit.append(record("upkeep-" + round + "-" + i));
            }
            try (Connection c = database.dataSource().getConnection()) {
                upkeep.run(c, true, true);
            }
        }
        ChainVerification v = audit.verify();
        assertTrue(v.valid(), v.toString());
        assertEquals(100, v.records());
        assertTrue(audit.find("upkeep-2-7").isPresent());
    }
}
