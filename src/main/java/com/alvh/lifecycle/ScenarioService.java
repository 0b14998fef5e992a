package com.alvh.lifecycle;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.alvh.engine.CompiledRuleSet;
import com.alvh.engine.RuleSetCompiler;
import com.alvh.engine.RuleSetRegistry;

/** Runs the scenario suite against the active rule set or a candidate given as files, for the endpoint. */
@ApplicationScoped
public class ScenarioService {

    private final RuleSetRegistry registry;
    private final ScenarioGate gate;

    @Inject
    public ScenarioService(RuleSetRegistry registry, ScenarioGate gate) {
        this.registry = registry;
        this.gate = gate;
    }

    /** The report for {@code files} compiled as a candidate (null: the active rule set); 422 when they do not compile. */
    public ScenarioSuite.Report run(Map<String, String> files) {
        CompiledRuleSet ruleSet;
        if (files == null) {
            ruleSet = registry.active().orElseThrow(() -> new com.alvh.evaluation.NotReadyException());
        } else {
            RuleSetCompiler.Result result = registry.compile(files);
            if (!result.valid()) {
                throw new InvalidRuleSetException(result.errors());
            }
            ruleSet = result.ruleSet();
        }
        return gate.report(ruleSet);
    }
}
