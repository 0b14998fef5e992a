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
}
