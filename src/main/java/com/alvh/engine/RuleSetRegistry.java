package com.alvh.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.alvh.config.AlvhConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Owns the rule sets: the active one, every version compiled since start, and the last load error.
 * A new version replaces the active one atomically and only when it compiled; evaluations hold on to the
 * {@link CompiledRuleSet} they started with, so a swap never changes an evaluation midway.
 */
@ApplicationScoped
public class RuleSetRegistry {

    private static final int KEPT_VERSIONS = 16;
    private static final Logger LOG = Logger.getLogger(RuleSetRegistry.class);

    private final AtomicReference<CompiledRuleSet> active = new AtomicReference<>();
    private final AtomicReference<LoadError> lastError = new AtomicReference<>();
    /** Recently compiled versions; bounded so that hundreds of reloads do not keep hundreds of knowledge bases. */
    private final Map<String, CompiledRuleSet> versions = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CompiledRuleSet> eldest) {
                    return size() > KEPT_VERSIONS;
                }
            });
    private final RuleSetCompiler compiler;
    private final AlvhConfig config;
    private final Counter failedReloads;
    private final Counter reloads;
    private volatile String lastAttempted;

    private final jakarta.enterprise.inject.Instance<CandidateCheck> checks;

    @Inject
    public RuleSetRegistry(AlvhConfig config, MeterRegistry meters, jakarta.enterprise.inject.Instance<CandidateCheck> checks) {
        this.config = config;
        this.checks = checks;
        this.compiler = new RuleSetCompiler(RuleSetRegistry.class.getClassLoader(), Clock.systemUTC(),
                config.evaluationDeadline());
        this.failedReloads = Counter.builder("alvh.ruleset.reload.failures")
                .description("rule-set changes refused because they did not compile or failed a check").register(meters);
        this.reloads = Counter.builder("alvh.ruleset.reloads")
                .description("rule-set versions activated from the rules directory, the first load included").register(meters);
    }

    /** Loads the rules directory if its content changed since the last attempt; returns whether it is now active. */
    public synchronized boolean reloadFromDirectory() {
        Map<String, String> files = SourceFiles.drl(config.rulesDir());
        String version = com.alvh.strategy.ContentHash.ofFiles(files);
        if (version.equals(lastAttempted)) {
            return active.get() != null && active.get().version().equals(version);
        }
        lastAttempted = version;
        RuleSetCompiler.Result result = checked(compile(files));
        if (!result.valid()) {
            lastError.set(new LoadError(result.errors(), Instant.now()));
            failedReloads.increment();
            LOG.warnf("Rule set in %s refused, still serving %s: %s", config.rulesDir(),
                    active.get() == null ? "nothing" : active.get().version(), result.errors().get(0));
            return false;
        }
        CompiledRuleSet previous = active.getAndSet(result.ruleSet());
        lastError.set(null);
        reloads.increment();
        LOG.infof("Rule set %s active (%d rules in %d files)%s", result.ruleSet().version(), result.ruleSet().rules().size(),
                files.size(), previous == null ? "" : ", replacing " + previous.version());
        return true;
    }

    /**
     * Makes an already compiled, checked version the active one in one atomic swap (activation or rollback by a
     * strategist). It stays active until the rules directory changes; see docs/console.md.
     */
    public synchronized CompiledRuleSet activate(CompiledRuleSet ruleSet) {
        versions.put(ruleSet.version(), ruleSet);
        CompiledRuleSet previous = active.getAndSet(ruleSet);
        LOG.infof("Rule set %s activated%s", ruleSet.version(), previous == null ? "" : ", replacing " + previous.version());
        return previous;
    }

    /**
     * Notes the rules directory's version as already seen, so that it is loaded only once its files change (a
     * restart that serves the latest activation instead, see com.alvh.cluster.ActiveVersionFollower).
     */
    public synchronized void markDirectorySeen(String version) {
        lastAttempted = version;
    }

    /** The problems the candidate checks (scenarios) find in a compiled rule set; empty when it may be activated. */
    public List<RuleError> check(CompiledRuleSet candidate) {
        List<RuleError> problems = new java.util.ArrayList<>();
        for (CandidateCheck check : checks) {
            problems.addAll(check.check(candidate));
        }
        return problems;
    }

    private RuleSetCompiler.Result checked(RuleSetCompiler.Result result) {
        if (!result.valid()) {
            return result;
        }
        List<RuleError> problems = check(result.ruleSet());
        return problems.isEmpty() ? result : new RuleSetCompiler.Result(null, problems);
    }

    /** Compiles a set of files and keeps the result as a known version when it compiled. */
    public RuleSetCompiler.Result compile(Map<String, String> files) {
        CompiledRuleSet known = versions.get(com.alvh.strategy.ContentHash.ofFiles(files));
        if (known != null) {
            return new RuleSetCompiler.Result(known, List.of());
        }
        RuleSetCompiler.Result result = compiler.compile(files);
        if (result.valid()) {
            versions.put(result.ruleSet().version(), result.ruleSet());
        }
        return result;
    }

    public Optional<CompiledRuleSet> active() {
        return Optional.ofNullable(active.get());
    }

    public Optional<LoadError> lastError() {
        return Optional.ofNullable(lastError.get());
    }

    /** A version compiled since start, if any. */
    public Optional<CompiledRuleSet> find(String version) {
        CompiledRuleSet current = active.get();
        if (current != null && current.version().equals(version)) {
            return Optional.of(current);
        }
        return Optional.ofNullable(versions.get(version));
    }
}
