package com.alvh.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kie.api.KieBase;

/**
 * A rule set that compiled: its sources, content version and the knowledge base built from them.
 * Immutable and shared: evaluations open their own sessions on it, so a swap never disturbs them.
 */
public record CompiledRuleSet(String version, Map<String, String> files, List<RuleInfo> rules, Instant loadedAt,
                              KieBase kieBase) {

    public CompiledRuleSet {
        files = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(files));
        rules = List.copyOf(rules);
    }

    /** The file a rule was written in, if the rule belongs to this set. */
    public Optional<String> fileOf(String ruleName) {
        return rules.stream().filter(r -> r.name().equals(ruleName)).map(RuleInfo::file).findFirst();
    }
}
