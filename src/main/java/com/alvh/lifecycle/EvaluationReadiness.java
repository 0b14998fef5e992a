package com.alvh.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.alvh.engine.CompiledRuleSet;
import com.alvh.engine.RuleSetRegistry;

/** Whether evaluations can be answered: the first load finished, a rule set is active and a profile loaded. */
@ApplicationScoped
public class EvaluationReadiness {

    /** The readiness state for the health check. */
    public record State(boolean ready, String ruleSetVersion, long profiles) {
    }

    @Inject
    RuleSetRegistry ruleSets;
    @Inject
    ProfileRegistry profiles;
    @Inject
    SourceWatcher watcher;

    public State state() {
        String version = ruleSets.active().map(CompiledRuleSet::version).orElse("none");
        long count = profiles.all().size();
        return new State(watcher.started() && !"none".equals(version) && count > 0, version, count);
    }
}
