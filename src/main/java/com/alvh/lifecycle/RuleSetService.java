package com.alvh.lifecycle;

import com.alvh.evaluation.InvalidRequestException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.alvh.audit.AuditTrail;
import com.alvh.cluster.ActivationNotices;
import com.alvh.engine.CompiledRuleSet;
import com.alvh.engine.LoadError;
import com.alvh.engine.RuleError;
import com.alvh.engine.RuleSetCompiler;
import com.alvh.engine.RuleSetRegistry;

/** What strategists ask of rule sets: the active one, stored versions, validation and candidates. */
@ApplicationScoped
public class RuleSetService {

    private final RuleSetRegistry registry;
    private final AuditTrail audit;
    private final com.alvh.config.AlvhConfig config;
    private final VersionHistory history;
    private final IsolatedRuleSets isolated;
    @Inject
    ActivationNotices notices;

    @Inject
    public RuleSetService(RuleSetRegistry registry, AuditTrail audit, com.alvh.config.AlvhConfig config,
                          VersionHistory history, IsolatedRuleSets isolated) {
        this.registry = registry;
        this.history = history;
        this.audit = audit;
        this.config = config;
        this.isolated = isolated;
    }

    /** The active rule set and the last refused load, if any. */
    public record ActiveView(Optional<CompiledRuleSet> ruleSet, Optional<LoadError> lastError) {
    }

    /** A stored version with its sources. */
    public record StoredVersion(String version, Map<String, String> files, boolean active) {
    }

    public ActiveView active() {
        return new ActiveView(registry.active(), registry.lastError());
    }

    public Optional<StoredVersion> find(String version) {
        String activeVersion = registry.active().map(CompiledRuleSet::version).orElse("");
        return registry.find(version).map(CompiledRuleSet::files).or(() -> audit.ruleSetFiles(version))
                .map(files -> new StoredVersion(version, files, version.equals(activeVersion)));
    }

    /** The sources of a version: compiled since start, or stored. */
    public Optional<Map<String, String>> files(String version) {
        return registry.find(version).map(CompiledRuleSet::files).or(() -> audit.ruleSetFiles(version));
    }

    /** A version as a compiled rule set: from memory, or compiled again from its stored sources. */
    public Optional<CompiledRuleSet> compiled(String version) {
        return registry.find(version).or(() -> audit.ruleSetFiles(version).map(files -> registry.compile(files).ruleSet()));
    }

    /** The rule files as they are now in the watched directory (to show the lines a load error points at). */
    public Map<String, String> directorySources() {
        return com.alvh.engine.SourceFiles.drl(config.rulesDir());
    }

    /** Compiles without storing: the located errors, parser errors first. */
    public List<RuleError> validate(Map<String, String> files) {
        checkNames(files);
        if (isolated.enabled()) {
            return isolated.validate(files);
        }
        return registry.compile(files).errors();
    }

    /** A stored candidate and the shipped scenarios it would fail (it could not be activated while it fails any). */
    public record Candidate(String version, List<RuleError> scenarioFailures) {
    }

    /**
     * Compiles and stores an inactive candidate; throws with its errors when it does not compile. A candidate that
     * fails scenarios is still stored, so its impact can be studied, and the failures are reported.
     */
    public Candidate storeCandidate(Map<String, String> files) {
        return storeCandidate(files, null);
    }

    /** As {@link #storeCandidate(Map)}, recording {@code createdBy} (the caller; null: anonymous) with the version. */
    public Candidate storeCandidate(Map<String, String> files, String createdBy) {
        checkNames(files);
        if (isolated.enabled()) {
            var gated = isolated.gate(files);
            if (!gated.errors().isEmpty()) {
                throw new InvalidRuleSetException(gated.errors());
            }
            // the version is the service's own hash of what was sent, never one the candidate process claims
            String version = com.alvh.strategy.ContentHash.ofFiles(files);
            Map<String, String> sorted = new java.util.TreeMap<>(files);
            audit.storeRuleSetVersion(version, sorted, createdBy);
            history.created(version, sorted, actor(createdBy));
            return prepared(new Candidate(version, gated.scenarioFailures()));
        }
        RuleSetCompiler.Result result = registry.compile(files);
        if (!result.valid()) {
            throw new InvalidRuleSetException(result.errors());
        }
        audit.storeRuleSetVersion(result.ruleSet().version(), result.ruleSet().files(), createdBy);
        history.created(result.ruleSet(), actor(createdBy));
        return prepared(new Candidate(result.ruleSet().version(), registry.check(result.ruleSet())));
    }

    /** A candidate that passed the gate may be activated: every replica compiles it ahead (docs/cluster.md). */
    private Candidate prepared(Candidate candidate) {
        if (candidate.scenarioFailures().isEmpty()) {
            notices.prepare(candidate.version());
        }
        return candidate;
    }

    private static String actor(String createdBy) {
        return createdBy == null || createdBy.isBlank() ? "anonymous" : createdBy;
    }

    private static void checkNames(Map<String, String> files) {
        if (files == null || files.isEmpty()) {
            throw new InvalidRequestException("files", "must hold at least one rule file");
        }
        files.forEach((name, source) -> {
            if (!name.matches("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*\\.(drl|csv|xlsx)")) {
                throw new InvalidRequestException("files." + name,
                        "a rule file name is a relative path ending in .drl, or .csv / .xlsx for a decision table");
            }
            if (source == null) {
                throw new InvalidRequestException("files." + name,
                        "must hold the DRL source, the CSV text, or the XLSX workbook as base64");
            }
        });
    }
}
