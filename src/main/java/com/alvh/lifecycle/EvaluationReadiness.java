package com.alvh.lifecycle;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.alvh.engine.CompiledRuleSet;
import com.alvh.engine.RuleSetRegistry;

/**
 * Whether evaluations can be answered: the first load finished, a rule set is active, a profile loaded, the reload
 * poller is alive, and answers can be recorded (disk space, audit writable).
 */
@ApplicationScoped
public class EvaluationReadiness {

    /** The readiness state for the health check; {@code reason} says why it is not ready. */
    public record State(boolean ready, String ruleSetVersion, long profiles, Optional<String> reason) {
    }

    @Inject
    RuleSetRegistry ruleSets;
    @Inject
    ProfileRegistry profiles;
    @Inject
    SourceWatcher watcher;
    @Inject
    ServingHealth serving;

    public State state() {
        String version = ruleSets.active().map(CompiledRuleSet::version).orElse("none");
        long count = profiles.all().size();
        Optional<String> reason = !watcher.started() ? Optional.of("rules and profiles are still loading")
                : "none".equals(version) ? Optional.of("no rule set is active; see GET /api/v1/rulesets/active")
                : count == 0 ? Optional.of("no profile is loaded")
                : watcher.pollerProblem().or(serving::problem);
        return new State(reason.isEmpty(), version, count, reason);
    }
}
