package com.alvh.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The append-only, hash-chained record of evaluations and the store of the rule-set and profile versions
 * they name. The one entry point for the rest of the service.
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

    /**
     * Records an evaluation. Blocks until the record is committed (durable); returns the stored chain entry,
     * whose instants are truncated to microseconds.
     *
     * @throws AuditWriteException when it could not be recorded (e.g. the evaluationId is already taken)
     */
    public StoredEvaluation append(EvaluationRecord r) {
        return writer.append(r);
    }

    public Optional<StoredEvaluation> find(String evaluationId) {
        return reader.find(evaluationId);
    }

    /** Newest first (asOf descending, then seq descending). */
    public List<StoredEvaluation> search(EvaluationQuery q) {
        return reader.search(q);
    }

    /** Walks the whole chain; linear in the number of records. */
    public ChainVerification verify() {
        return verifier.verify();
    }

    /** Writes records with asOf in [from, to] (null = open) as JSON Lines in seq order; flushes, never closes. */
    public void export(Instant from, Instant to, Writer out) {
        exporter.export(from, to, out);
    }

    /** Idempotent: a version already stored is left as it is. */
    public void storeRuleSetVersion(String version, Map<String, String> files) {
        versions.storeRuleSetVersion(version, files);
    }

    public Optional<Map<String, String>> ruleSetFiles(String version) {
        return versions.ruleSetFiles(version);
    }

    /** Idempotent: a version already stored is left as it is. */
    public void storeProfileVersion(String name, String version, String yamlSource) {
        versions.storeProfileVersion(name, version, yamlSource);
    }

    public Optional<String> profileSource(String version) {
        return versions.profileSource(version);
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
