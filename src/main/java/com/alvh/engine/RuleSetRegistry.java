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
        // one loader for every compile, so what one compile learnt of the class path the next need not ask again
        this.compiler = new RuleSetCompiler(new RememberingClassLoader(RuleSetRegistry.class.getClassLoader()),
                Clock.systemUTC(), config.evaluationDeadline(), config.compiledRuleCache()
                        ? CompiledClassCache.in(config.dataDir().resolve("rule-cache")) : java.util.Optional.empty());
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
        RuleSetCompiler.Result result = attempt(files);
        if (!result.valid()) {
            refuse(result.errors());
            return false;
        }
        activateLoaded(result.ruleSet());
        return true;
    }

    /** Activates a version compiled from the rules directory: the last load error is cleared and the reload counted. */
    public void activateLoaded(CompiledRuleSet ruleSet) {
        activate(ruleSet);
        lastError.set(null);
        reloads.increment();
    }

    /**
     * Compiles a whole directory's files and runs the candidate checks on them, changing nothing. Never throws: an
     * {@code Error} from the compiler or from rule code run by a check (stack overflow, out of memory...) becomes a
     * located error, naming the rule when its generated code is on the failing stack.
     */
    public RuleSetCompiler.Result attempt(Map<String, String> files) {
        RuleSetCompiler.Result compiled;
        long start = System.nanoTime();
        try {
            compiled = compile(files);
        } catch (Throwable e) {
            return new RuleSetCompiler.Result(null, List.of(new RuleError("(rule set)", 1, 1, "cannot be compiled: " + e)));
        }
        long compiledAt = System.nanoTime();
        if (!compiled.valid()) {
            LOG.debugf("Rule set attempt: compile %d ms, refused", (compiledAt - start) / 1_000_000);
            return compiled;
        }
        try {
            RuleSetCompiler.Result checked = checked(compiled);
            LOG.debugf("Rule set attempt: compile %d ms, checks %d ms", (compiledAt - start) / 1_000_000,
                    (System.nanoTime() - compiledAt) / 1_000_000);
            return checked;
        } catch (Throwable e) {
            String message = "failed the scenario gate with " + e;
            RuleError error = RuleLocator.locate(e.getStackTrace(), compiled.ruleSet().rules(), files, message)
                    .orElse(new RuleError("(rule set)", 1, 1, "the rule set " + message));
            return new RuleSetCompiler.Result(null, List.of(error));
        }
    }

    /**
     * Makes an already compiled, checked version the active one in one atomic swap (a reload from the directory,
     * an activation or a rollback by a strategist); evaluations already running keep the rule set they started
     * with. A strategist's choice stays active until the rules directory changes; see docs/console.md.
     */
    public synchronized CompiledRuleSet activate(CompiledRuleSet ruleSet) {
        versions.put(ruleSet.version(), ruleSet);
        CompiledRuleSet previous = active.getAndSet(ruleSet);
        LOG.infof("Rule set %s active (%d rules in %d files)%s", ruleSet.version(), ruleSet.rules().size(),
                ruleSet.files().size(), previous == null ? "" : ", replacing " + previous.version());
        return previous;
    }

    /** Records a refused load: it becomes the last error, the active rule set keeps serving. */
    public void refuse(List<RuleError> errors) {
        lastError.set(new LoadError(List.copyOf(errors), Instant.now()));
        failedReloads.increment();
        LOG.warnf("Rule set in %s refused, still serving %s: %s", config.rulesDir(),
                active.get() == null ? "nothing" : active.get().version(), errors.isEmpty() ? "" : errors.get(0));
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
