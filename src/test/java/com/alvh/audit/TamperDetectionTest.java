package com.alvh.audit;

import static com.alvh.audit.AuditFixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alvh.audit.ChainVerification.BadRecord;
import com.alvh.strategy.ContentHash;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an intruder with the database owner's rights can do to the audit tables, and what verify says about it
 * given the signed checkpoints kept outside the database. Tampering goes through SQL, as such an intruder would.
 */
@QuarkusTest
class TamperDetectionTest {

    @Inject
    AuditTrail audit;

    @Inject
    AuditDatabase database;

    @BeforeEach
    void emptyStore() {
        AuditFixtures.clear(database.dataSource());
    }

    private void appendCheckpointed(int n) {
        for (int i = 1; i <= n; i++) {
            audit.append(record("e-" + i));
        }
        assertEquals(n, audit.checkpoint().orElseThrow().headSeq());
    }

    private static void assertBoth(BadRecord expected, ChainVerification full, ChainVerification incremental) {
        assertFalse(full.valid());
        assertEquals(expected, full.firstBadRecord());
        assertEquals("full", full.mode());
        assertFalse(incremental.valid());
        assertEquals(expected, incremental.firstBadRecord());
        assertEquals("incremental", incremental.mode());
    }

    @Test
    void theServiceRoleCanOnlyAppend() {
        audit.append(record("e-1"));

        IllegalStateException update = assertThrows(IllegalStateException.class, () -> AuditFixtures.sql(
                database.dataSource(), "UPDATE evaluation SET dry_run = TRUE WHERE seq = 1"));
        assertTrue(update.getCause().getMessage().contains("append-only"), update.getCause().getMessage());
        assertThrows(IllegalStateException.class, () -> AuditFixtures.sql(database.dataSource(),
                "DELETE FROM evaluation_rule WHERE evaluation_seq = 1"));
        assertThrows(IllegalStateException.class, () -> AuditFixtures.sql(database.dataSource(),
                "DELETE FROM evaluation WHERE seq = 1"));
        if (postgres()) {
            // H2 fires no trigger on TRUNCATE (documented); PostgreSQL's statement trigger refuses it
            assertThrows(IllegalStateException.class, () -> AuditFixtures.sql(database.dataSource(),
                    "TRUNCATE evaluation_action"));
        }
        assertTrue(audit.verify().valid());
    }

    @Test
    void anUntouchedCheckpointedChainVerifiesInBothModes() {
        appendCheckpointed(4);
        audit.append(record("e-5"));

        ChainVerification full = audit.verify();
        ChainVerification incremental = audit.verifyFromCheckpoint();

        assertTrue(full.valid());
        assertEquals(5, full.records());
        assertEquals(1, full.recordsAfterCheckpoint());
        assertTrue(incremental.valid());
        assertEquals(5, incremental.records());
        assertEquals(4, incremental.checkpoint().headSeq());
        assertEquals(1, incremental.recordsAfterCheckpoint());
    }

    @Test
    void aDeletedRowIsFound() {
        appendCheckpointed(5);
        AuditFixtures.deleteRecord(database.dataSource(), 3);

        assertBoth(new BadRecord(3, null, ChainVerification.MISSING_RECORD), audit.verify(),
                audit.verifyFromCheckpoint());
    }

    @Test
    void aTruncatedTailIsFoundOnlyThanksToTheCheckpoint() {
        appendCheckpointed(5);
        AuditFixtures.deleteRecord(database.dataSource(), 5);
        AuditFixtures.deleteRecord(database.dataSource(), 4);

        assertBoth(new BadRecord(4, null, ChainVerification.TRUNCATED), audit.verify(), audit.verifyFromCheckpoint());
    }

    @Test
    void aRowRewrittenWithRecomputedHashesIsFound() throws Exception {
        appendCheckpointed(5);
        // rewrite record 2 as a dry run and re-compute its hash and every hash after it: the chain itself is intact
        String prev = audit.find("e-1").orElseThrow().hash();
        for (int seq = 2; seq <= 5; seq++) {
            StoredEvaluation s = audit.find("e-" + seq).orElseThrow();
            EvaluationRecord r = s.record();
            EvaluationRecord forged = seq == 2 ? new EvaluationRecord(r.evaluationId(), r.asOf(), r.evaluatedAt(),
                    r.profileName(), r.profileVersion(), r.ruleSetVersion(), true, r.actionTypes(), r.rulesFired(),
                    r.requestJson(), r.answerJson(), r.traceJson(), r.caller()) : r;
            String hash = ChainHash.hash(seq, forged, s.payload(), s.recordedAt(), prev);
            AuditFixtures.asOwner(database.dataSource(), "UPDATE evaluation SET dry_run = " + forged.dryRun()
                    + ", prev_hash = '" + prev + "', hash = '" + hash + "' WHERE seq = " + seq);
            prev = hash;
        }

        assertBoth(new BadRecord(5, "e-5", ChainVerification.CHECKPOINT_MISMATCH), audit.verify(),
                audit.verifyFromCheckpoint());
    }

    @Test
    void aForgedAppendedRowThatDoesNotChainIsFoundOneThatDoesIsOnlyUnattested() throws Exception {
        appendCheckpointed(3);
        StoredEvaluation three = audit.find("e-3").orElseThrow();

        insertForged(4, "forged-4", "f".repeat(64));
        assertBoth(new BadRecord(4, "forged-4", ChainVerification.BROKEN_LINK), audit.verify(),
                audit.verifyFromCheckpoint());

        // a forger who chains correctly onto the head cannot be told from the service until the next checkpoint
        // (the writer would sign it); verify says how many records no signature covers yet
        AuditFixtures.deleteRecord(database.dataSource(), 4);
        insertForged(4, "forged-4", three.hash());
        ChainVerification v = audit.verifyFromCheckpoint();
        assertTrue(v.valid());
        assertEquals(1, v.recordsAfterCheckpoint());
    }

    @Test
    void editedStoredSourcesAreFoundAndRefusedForReplay() {
        Map<String, String> files = Map.of("a.drl", "rule \"a\" when then end");
        String ruleSet = ContentHash.ofFiles(files);
        String profileSource = "name: balanced\n";
        String profile = ContentHash.of(profileSource);
        audit.storeRuleSetVersion(ruleSet, files, "alice");
        audit.storeProfileVersion("balanced", profile, profileSource, "alice");
        appendCheckpointed(2);
        assertTrue(audit.verify().valid());

        AuditFixtures.asOwner(database.dataSource(),
                "UPDATE rule_set_file SET source = 'rule \"a\" when then System.exit(0); end'",
                "UPDATE profile_version SET source = 'name: reckless' || CHR(10)");

        assertEquals(List.of(ruleSet, profile), audit.verify().badVersions());
        assertFalse(audit.verify().valid());
        assertFalse(audit.verifyFromCheckpoint().valid());
        assertThrows(TamperedSourceException.class, () -> audit.ruleSetFiles(ruleSet));
        assertThrows(TamperedSourceException.class, () -> audit.profileSource(profile));
    }

    @Test
    void anEditedCheckpointIsReported() throws Exception {
        appendCheckpointed(2);
        var file = Arc().file();
        String forged = Files.readString(file).replace("\"headSeq\":2", "\"headSeq\":1");
        Files.writeString(file, forged, StandardCharsets.UTF_8);

        ChainVerification v = audit.verify();

        assertFalse(v.valid());
        assertEquals(ChainVerification.BAD_CHECKPOINT, v.firstBadRecord().problem());
    }

    @Test
    void checkpointsAreSignedAndListed() {
        appendCheckpointed(3);

        List<Checkpoints.Read> all = audit.checkpoints();
        assertEquals(1, all.size());
        assertTrue(all.get(0).signatureValid());
        assertEquals(3, all.get(0).checkpoint().records());
        assertEquals(audit.find("e-3").orElseThrow().hash(), all.get(0).checkpoint().headHash());
        assertNotNull(audit.checkpointPublicKey());
    }

    @Test
    void theCallerIsPartOfTheHashedRecord() {
        EvaluationRecord r = record("e-1");
        audit.append(r);
        audit.append(new EvaluationRecord("e-2", r.asOf(), r.evaluatedAt(), r.profileName(), r.profileVersion(),
                r.ruleSetVersion(), false, r.actionTypes(), r.rulesFired(), r.requestJson(), r.answerJson(),
                r.traceJson(), null));
        assertEquals("tester", audit.find("e-1").orElseThrow().record().caller());
        assertEquals(EvaluationRecord.ANONYMOUS, audit.find("e-2").orElseThrow().record().caller());

        AuditFixtures.asOwner(database.dataSource(), "UPDATE evaluation SET caller = 'mallory' WHERE seq = 1");

        assertEquals(new BadRecord(1, "e-1", ChainVerification.HASH_MISMATCH), audit.verify().firstBadRecord());
    }

    private boolean postgres() {
        try (Connection c = database.dataSource().getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Checkpoints Arc() {
        return io.quarkus.arc.Arc.container().instance(Checkpoints.class).get();
    }

    /** An INSERT is what the triggers allow: a forged record appended by hand. */
    private void insertForged(long seq, String id, String prevHash) throws SQLException {
        EvaluationRecord r = record(id);
        Payload payload = Payload.encode(r.requestJson(), r.answerJson(), r.traceJson());
        Instant recordedAt = ChainHash.stored(Instant.now());
        EvaluationRecord stored = new EvaluationRecord(id, r.asOf(), ChainHash.stored(r.evaluatedAt()),
                r.profileName(), r.profileVersion(), r.ruleSetVersion(), false, r.actionTypes(), r.rulesFired(),
                r.requestJson(), r.answerJson(), r.traceJson(), r.caller());
        String hash = ChainHash.hash(seq, stored, payload, recordedAt, prevHash);
        try (Connection c = database.dataSource().getConnection()) {
            EvaluationRows.insert(c, List.of(new EvaluationRows.Linked(new StoredEvaluation(seq, stored, recordedAt,
                    prevHash, hash, ChainHash.FORMAT_COMPACT, payload), CanonicalJson.array(stored.actionTypes()),
                    CanonicalJson.array(stored.rulesFired()))));
        }
    }
}
