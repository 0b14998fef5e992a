package com.alvh.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.alvh.audit.AuditTrail;
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

    @Inject
    public RuleSetService(RuleSetRegistry registry, AuditTrail audit) {
        this.registry = registry;
        this.audit = audit;
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

    /** Compiles without storing: the located errors, parser errors first. */
    public List<RuleError> validate(Map<String, String> files) {
        checkNames(files);
        return registry.compile(files).errors();
    }

    /** Compiles and stores an inactive candidate; throws with its errors when it does not compile. */
    public String storeCandidate(Map<String, String> files) {
        checkNames(files);
        RuleSetCompiler.Result result = registry.compileAndCheck(files);
        if (!result.valid()) {
            throw new InvalidRuleSetException(result.errors());
        }
        audit.storeRuleSetVersion(result.ruleSet().version(), result.ruleSet().files());
        return result.ruleSet().version();
    }

    private static void checkNames(Map<String, String> files) {
        if (files == null || files.isEmpty()) {
            throw new InvalidRequestException("files", "must hold at least one rule file");
        }
        files.forEach((name, source) -> {
            if (!name.matches("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*\\.drl")) {
                throw new InvalidRequestException("files." + name, "a rule file name is a relative path ending in .drl");
            }
            if (source == null) {
                throw new InvalidRequestException("files." + name, "must hold the DRL source");
            }
        });
    }
}
