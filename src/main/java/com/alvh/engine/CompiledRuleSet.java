package com.alvh.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kie.api.KieBase;

/**
 * A rule set that compiled: its sources, content version and the knowledge base built from them.
 * Immutable and shared: evaluations open their own sessions on it, so a swap never disturbs them.
 * {@code runtime} holds what the session runner needs beside the knowledge base: the evaluation deadline,
 * the map from generated code back to rules, and the file of each rule.
 */
public record CompiledRuleSet(String version, Map<String, String> files, List<RuleInfo> rules, Instant loadedAt,
                              KieBase kieBase, Runtime runtime) {

    public CompiledRuleSet {
        files = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(files));
        rules = List.copyOf(rules);
    }

    /** The file a rule was written in, if the rule belongs to this set. */
    public Optional<String> fileOf(String ruleName) {
        return Optional.ofNullable(runtime.fileByRule.get(ruleName));
    }

    /**
     * A value computed from this rule set once and kept with it, e.g. an index of what its rules refer to, so that
     * evaluations do not recompute it from the sources. {@code key} names the value; {@code derivation} runs once
     * per rule set, on the first call (concurrent first callers wait for it), and must not ask for another value.
     */
    public <T> T derived(Class<T> key, java.util.function.Function<CompiledRuleSet, T> derivation) {
        Object value = runtime.derived.get(key);
        if (value == null) {
            value = runtime.derived.computeIfAbsent(key, k -> derivation.apply(this));
        }
        return key.cast(value);
    }

    /** How long one evaluation's rule code may run before it is stopped. */
    public Duration evaluationDeadline() {
        return runtime.deadline;
    }

    /** Engine-internal companions of a compiled rule set. */
    public static final class Runtime {
        final Duration deadline;
        final GeneratedCode code;
        final Map<String, String> fileByRule = new HashMap<>();
        final Map<Class<?>, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();

        Runtime(Duration deadline, GeneratedCode code, List<RuleInfo> rules) {
            this.deadline = deadline;
            this.code = code;
            rules.forEach(r -> fileByRule.putIfAbsent(r.name(), r.file()));
        }
    }
}
