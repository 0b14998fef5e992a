package com.alvh.audit;

import static com.alvh.audit.AuditFixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.alvh.strategy.ContentHash;

@QuarkusTest
class AuditTrailTest {

    @Inject
    AuditTrail audit;

    @Inject
    AuditDatabase database;

    @BeforeEach
    void emptyStore() {
        AuditFixtures.clear(database.dataSource());
    }

    @Test
    void firstRecordLinksToGenesisAndStoresInstantsAtMicroseconds() {
        StoredEvaluation first = audit.append(record("e-1"));
        StoredEvaluation second = audit.append(record("e-2"));

        assertEquals(1, first.seq());
        assertEquals(ChainHash.GENESIS, first.prevHash());
        assertEquals(2, second.seq());
        assertEquals(first.hash(), second.prevHash());
        assertEquals(Instant.parse("2024-08-02T20:00:01.123456Z"), first.record().evaluatedAt());
        assertEquals(first, audit.find("e-1").orElseThrow());
        assertEquals(ChainHash.expectedHash(first), first.hash());
    }

    @Test
    void parallelAppendsFormOneLinearValidChain() throws Exception {
        int threads = 8;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<StoredEvaluation>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                List<StoredEvaluation> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(audit.append(record("t" + thread + "-" + i)));
                }
                return mine;
            }));
        }
        Set<Long> seqs = new HashSet<>();
        for (Future<List<StoredEvaluation>> f : results) {
            f.get().forEach(e -> seqs.add(e.seq()));
        }
        pool.shutdown();

        assertEquals(threads * perThread, seqs.size());
        assertEquals(1L, seqs.stream().mapToLong(Long::longValue).min().orElseThrow());
        assertEquals(threads * perThread, seqs.stream().mapToLong(Long::longValue).max().orElseThrow());
        ChainVerification v = audit.verify();
        assertTrue(v.valid());
        assertEquals(threads * perThread, v.records());
    }

    @Test
    void verifyNamesATamperedRecord() {
        for (int i = 1; i <= 5; i++) {
            audit.append(record("e-" + i));
        }
        AuditFixtures.asOwner(database.dataSource(),
                "UPDATE evaluation SET rules_fired = '[\"Forged rule\"]' WHERE seq = 3");

        ChainVerification v = audit.verify();

        assertEquals(false, v.valid());
        assertEquals(5, v.records());
        assertEquals(new ChainVerification.BadRecord(3, "e-3", ChainVerification.HASH_MISMATCH), v.firstBadRecord());
    }

    @Test
    void verifyNamesTheGapLeftByADeletedRecord() {
        for (int i = 1; i <= 5; i++) {
            audit.append(record("e-" + i));
        }
        AuditFixtures.deleteRecord(database.dataSource(), 2);

        ChainVerification v = audit.verify();

        assertEquals(false, v.valid());
        assertEquals(4, v.records());
        assertEquals(new ChainVerification.BadRecord(2, null, ChainVerification.MISSING_RECORD), v.firstBadRecord());
    }

    @Test
    void verifyNamesABrokenLinkWhenARecordIsForgedWithAFreshHash() {
        for (int i = 1; i <= 3; i++) {
            audit.append(record("e-" + i));
        }
        // an intruder who rewrites record 2 and recomputes its hash still breaks record 3's link
        StoredEvaluation two = audit.find("e-2").orElseThrow();
        EvaluationRecord r = two.record();
        EvaluationRecord forged = new EvaluationRecord(r.evaluationId(), r.asOf(), r.evaluatedAt(), r.profileName(),
                r.profileVersion(), r.ruleSetVersion(), true, r.actionTypes(), r.rulesFired(), r.requestJson(),
                r.answerJson(), r.traceJson(), r.caller());
        String forgedHash = ChainHash.hash(2, forged, two.payload(), two.recordedAt(), two.prevHash());
        AuditFixtures.asOwner(database.dataSource(),
                "UPDATE evaluation SET dry_run = TRUE, hash = '" + forgedHash + "' WHERE seq = 2");

        ChainVerification v = audit.verify();

        assertEquals(new ChainVerification.BadRecord(3, "e-3", ChainVerification.BROKEN_LINK), v.firstBadRecord());
    }

    @Test
    void thePayloadDictionaryIsInTheDatabaseOnceAndCannotBeChanged() throws Exception {
        StoredEvaluation first = audit.append(record("e-1"));
        audit.append(record("e-2"));
        long named = java.nio.ByteBuffer.wrap(first.payload().bytes(), 2, 4).getInt() & 0xffffffffL;
        try (java.sql.Connection c = database.dataSource().getConnection();
                java.sql.Statement s = c.createStatement()) {
            try (java.sql.ResultSet rs = s.executeQuery("SELECT id, content FROM payload_dictionary")) {
                assertTrue(rs.next(), "stored with the first record");
                assertEquals(named, rs.getLong(1), "the id the payload's zlib header names");
                assertTrue(java.util.Arrays.equals(PayloadDictionary.CURRENT.bytes(), rs.getBytes(2)));
                assertTrue(!rs.next(), "stored once");
            }
            assertThrows(java.sql.SQLException.class, () -> s.executeUpdate("DELETE FROM payload_dictionary"));
        }
    }

    @Test
    void emptyChainIsValid() {
        assertEquals(new ChainVerification(true, 0, null), audit.verify());
    }

    @Test
    void aDuplicateEvaluationIdFailsAloneAndTheChainContinues() {
        audit.append(record("dup"));

        assertThrows(AuditWriteException.class, () -> audit.append(record("dup")));
        StoredEvaluation next = audit.append(record("after"));

        assertEquals(2, next.seq());
        assertTrue(audit.verify().valid());
    }

    @Test
    void appendContinuesTheChainAfterRowsWereRemovedBehindItsBack() {
        audit.append(record("a"));
        audit.append(record("b"));
        AuditFixtures.deleteRecord(database.dataSource(), 2);

        StoredEvaluation c = audit.append(record("c"));

        assertEquals(2, c.seq());
        assertTrue(audit.verify().valid());
    }

    @Test
    void searchFiltersByAsOfProfileRuleAndActionNewestFirst() {
        audit.append(record("old", "2024-01-01T00:00:00Z", "balanced", List.of("HOLD"), List.of("Hold when calm")));
        audit.append(record("mid", "2024-02-01T00:00:00Z", "aggressive", List.of("ADD_LAYER"),
                List.of("Add a tranche when breadth diverges", "Size by ratio")));
        audit.append(record("new", "2024-03-01T00:00:00Z", "balanced", List.of("ADD_LAYER", "ROLL_LAYER"),
                List.of("Roll before expiry", "Roll before expiry")));

        assertEquals(List.of("new", "mid", "old"), ids(new EvaluationQuery(null, null, null, null, null, 50, 0)));
        assertEquals(List.of("mid", "old"), ids(new EvaluationQuery(null,
                Instant.parse("2024-02-01T00:00:00Z"), null, null, null, 50, 0)));
        assertEquals(List.of("new", "mid"), ids(new EvaluationQuery(Instant.parse("2024-02-01T00:00:00Z"), null,
                null, null, null, 50, 0)));
        assertEquals(List.of("new", "old"), ids(new EvaluationQuery(null, null, "balanced", null, null, 50, 0)));
        assertEquals(List.of("mid"), ids(new EvaluationQuery(null, null, null,
                "Add a tranche when breadth diverges", null, 50, 0)));
        assertEquals(List.of("new", "mid"), ids(new EvaluationQuery(null, null, null, null, "ADD_LAYER", 50, 0)));
        assertEquals(List.of("new"), ids(new EvaluationQuery(null, null, "balanced", null, "ADD_LAYER", 50, 0)));
        assertEquals(List.of("mid"), ids(new EvaluationQuery(null, null, null, null, null, 1, 1)));
        assertEquals(List.of("Roll before expiry", "Roll before expiry"),
                audit.find("new").orElseThrow().record().rulesFired());
    }

    @Test
    void versionStoreIsIdempotentAndReturnsSources() {
        Map<String, String> files = Map.of("triggers.drl", "rule \"a\" when then end", "sizing.drl", "// sizing");
        String ruleSet = ContentHash.ofFiles(files);
        String profile = ContentHash.of("name: balanced\n");
        audit.storeRuleSetVersion(ruleSet, files, "alice");
        audit.storeRuleSetVersion(ruleSet, Map.of("other.drl", "ignored: the version exists"), "bob");
        audit.storeProfileVersion("balanced", profile, "name: balanced\n", "carol");
        audit.storeProfileVersion("balanced", profile, "name: balanced\n", "dave");

        assertEquals(files, audit.ruleSetFiles(ruleSet).orElseThrow());
        assertTrue(audit.ruleSetFiles("sha256:none").isEmpty());
        assertEquals("name: balanced\n", audit.profileSource(profile).orElseThrow());
        assertTrue(audit.profileSource("sha256:none").isEmpty());
        assertEquals("alice", audit.versionCreatedBy(ruleSet).orElseThrow());
        assertEquals("carol", audit.versionCreatedBy(profile).orElseThrow());
    }

    @Test
    void rejectsARecordWithoutId() {
        assertThrows(IllegalArgumentException.class, () -> record(" "));
        assertNull(audit.find("missing").orElse(null));
    }

    private List<String> ids(EvaluationQuery q) {
        return audit.search(q).stream().map(e -> e.record().evaluationId()).toList();
    }
}
