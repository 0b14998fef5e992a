package com.alvh.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The append-only, hash-chained record of evaluations, its signed checkpoints, and the store of the rule-set and
 * profile versions they name. The one entry point for the rest of the service.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    ChainWriter writer;
    @Inject
    EvaluationReader reader;
    @Inject
    ChainVerifier verifier;
    @Inject
    ChainExport exporter;
    @Inject
    VersionStore versions;
    @Inject
    Checkpoints checkpoints;
    @Inject
    AuditDatabase database;

    /**
     * Records an evaluation. Blocks until the record is committed (durable); returns the stored chain entry,
     * whose instants are truncated to microseconds.
     *
     * @throws AuditWriteException when it could not be recorded (e.g. the evaluationId is already taken, or the
     *                             database cannot be written)
     */
    public StoredEvaluation append(EvaluationRecord r) {
        return writer.append(r);
    }

    /**
     * As {@link #append(EvaluationRecord)} without blocking: the returned stage completes once the record is
     * durable, on the writer's thread (dependent stages must only hand over), or fails with an
     * {@link AuditWriteException}.
     */
    public CompletableFuture<StoredEvaluation> appendAsync(EvaluationRecord r) {
        return writer.submit(r);
    }

    /** False while the database cannot be written; becomes true again by itself after a write succeeds. */
    public boolean healthy() {
        return writer.healthy();
    }

    /** The message of the write failure that made the trail unhealthy, or {@code null}. */
    public String lastWriteFailure() {
        return writer.lastFailure();
    }

    /** Why recording fails (disk full, database not writable), until a record commits again; empty when healthy. */
    public Optional<String> writeFailure() {
        return healthy() ? Optional.empty() : Optional.of(String.valueOf(lastWriteFailure()));
    }

    public Optional<StoredEvaluation> find(String evaluationId) {
        return reader.find(evaluationId);
    }

    /** Newest first (asOf descending, then seq descending). */
    public List<StoredEvaluation> search(EvaluationQuery q) {
        return reader.search(q);
    }

    /** Walks the whole chain from seq 1 and checks it against every signed checkpoint; linear in the records. */
    public ChainVerification verify() {
        return verifier.verifyFull();
    }

    /**
     * Checks from the latest signed checkpoint on (attested count, head hash at the checkpoint, records after it);
     * a full walk when there is no checkpoint yet. See docs/audit-chain.md for what only the full walk finds.
     */
    public ChainVerification verifyFromCheckpoint() {
        return verifier.verifyIncremental();
    }

    /** Writes a signed checkpoint of the current head now (normally the writer does this on its own schedule). */
    public Optional<Checkpoint> checkpoint() {
        ChainWriter.Head head = writer.lastCommitted();
        if (head == null) {
            try (Connection c = database.dataSource().getConnection()) {
                head = ChainWriter.head(c);
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the chain head", e);
            }
        }
        return head.seq() == 0 ? Optional.empty() : Optional.of(checkpoints.write(head.seq(), head.hash()));
    }

    /** Every checkpoint in the file, oldest first, with whether its signature holds. */
    public List<Checkpoints.Read> checkpoints() {
        return checkpoints.all();
    }

    /** The checkpoint signing key's public half, X.509 SubjectPublicKeyInfo DER in base64 (Ed25519). */
    public String checkpointPublicKey() {
        return checkpoints.publicKeyBase64();
    }

    /** Writes records with asOf in [from, to] (null = open) as JSON Lines in seq order; flushes, never closes. */
    public void export(Instant from, Instant to, Writer out) {
        exporter.export(from, to, out);
    }

    /** Idempotent: a version already stored is left as it is (and keeps its first {@code createdBy}). */
    public void storeRuleSetVersion(String version, Map<String, String> files, String createdBy) {
        versions.storeRuleSetVersion(version, files, createdBy);
    }

    /** As {@link #storeRuleSetVersion(String, Map, String)} by an unnamed caller. */
    public void storeRuleSetVersion(String version, Map<String, String> files) {
        versions.storeRuleSetVersion(version, files, null);
    }

    /** @throws TamperedSourceException when the stored files no longer hash to the version */
    public Optional<Map<String, String>> ruleSetFiles(String version) {
        return versions.ruleSetFiles(version);
    }

    /** Idempotent: a version already stored is left as it is (and keeps its first {@code createdBy}). */
    public void storeProfileVersion(String name, String version, String yamlSource, String createdBy) {
        versions.storeProfileVersion(name, version, yamlSource, createdBy);
    }

    /** @throws TamperedSourceException when the stored source no longer hashes to the version */
    public Optional<String> profileSource(String version) {
        return versions.profileSource(version);
    }

    /** Who stored a rule-set or profile version. */
    public Optional<String> versionCreatedBy(String version) {
        return versions.createdBy(version);
    }

    /** How many records match the filters of {@code q} (limit and offset ignored). */
    public long count(EvaluationQuery q) {
        return reader.count(q);
    }

    /** Records per UTC day of asOf, newest first, at most {@code days} days. */
    public List<DailyCount> dailyCounts(int days) {
        return reader.dailyCounts(days);
    }

    /** Checks one record's own hash and its link to its predecessor, without walking the whole chain. */
    public Optional<RecordCheck> check(String evaluationId) {
        return reader.find(evaluationId).map(e -> {
            String expectedPrev = e.seq() == 1 ? ChainHash.GENESIS
                    : reader.bySeq(e.seq() - 1).map(StoredEvaluation::hash).orElse("(missing)");
            return new RecordCheck(e.record().evaluationId(), e.seq(), e.hash(), e.prevHash(),
                    ChainHash.expectedHash(e).equals(e.hash()), expectedPrev.equals(e.prevHash()));
        });
    }

    /** Every stored rule-set version, newest first. */
    public List<StoredVersionInfo> ruleSetVersions() {
        return versions.ruleSetVersions();
    }

    /** Every stored version of one profile, newest first. */
    public List<StoredVersionInfo> profileVersions(String name) {
        return versions.profileVersions(name);
    }

    /** Appends to the version history (who created or activated which version). */
    public void recordVersionEvent(VersionEvent event) {
        versions.recordEvent(event);
    }

    /** The version history of the rule set ({@code subject} empty) or of one profile, oldest first. */
    public List<VersionEvent> versionEvents(String kind, String subject) {
        return versions.events(kind, subject);
    }
}
