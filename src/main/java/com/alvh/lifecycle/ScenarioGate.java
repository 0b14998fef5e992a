package com.alvh.lifecycle;

import com.alvh.evaluation.Evaluator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.alvh.config.AlvhConfig;
import com.alvh.engine.CandidateCheck;
import com.alvh.engine.CompiledRuleSet;
import com.alvh.engine.RuleError;
import com.alvh.evaluation.answer.EvaluationAnswer;
import com.alvh.evaluation.answer.SignalView;
import com.alvh.hedge.HedgeAction;
import com.alvh.strategy.ProfileCatalog.LoadedProfile;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the scenarios in {@code <rules-dir>/scenarios/*.json} against every candidate rule set before it is
 * activated. A scenario is a request plus the action types (and optionally active signals) it must produce; a
 * scenario that fails, or a rule that throws on it, blocks activation and is reported like a compile error.
 */
@ApplicationScoped
public class ScenarioGate implements CandidateCheck {

    private final AlvhConfig config;
    private final ProfileRegistry profiles;
    private final ObjectMapper json;

    @Inject
    public ScenarioGate(AlvhConfig config, ProfileRegistry profiles, ObjectMapper json) {
        this.config = config;
        this.profiles = profiles;
        this.json = json;
    }

    @Override
    public List<RuleError> check(CompiledRuleSet candidate) {
        return check(candidate, profiles::find);
    }

    /** The full report (per-scenario results and rule coverage) for a rule set with the loaded profiles. */
    public ScenarioSuite.Report report(CompiledRuleSet ruleSet) {
        return suite().run(ruleSet, profiles::find);
    }

    /**
     * Runs the scenarios on a rule set with the profiles a lookup gives: the loaded ones when a rule set changes,
     * or the loaded ones with one candidate profile swapped in when a profile changes. Each failure names the
     * scenario (located at the expectation that failed), the expectation, what came instead, and the rule responsible
     * with its file and line when one is.
     */
    public List<RuleError> check(CompiledRuleSet candidate,
                                 java.util.function.Function<String, java.util.Optional<LoadedProfile>> lookup) {
        List<RuleError> errors = new ArrayList<>();
        for (ScenarioSuite.Result r : suite().run(candidate, lookup).scenarios()) {
            if (!r.passed()) {
                errors.add(new RuleError(r.scenario(), r.line(), 1, describe(r)));
            }
        }
        return errors;
    }

    /** One failure as a sentence a strategist can act on. */
    static String describe(ScenarioSuite.Result r) {
        StringBuilder text = new StringBuilder("scenario failed: ").append(r.scenario());
        if (r.description() != null) {
            text.append(" (\"").append(r.description()).append("\")");
        }
        text.append(": ").append(r.failure());
        if (r.rule() != null) {
            text.append("; came from rule '").append(r.rule()).append("'");
            if (r.ruleLocation() != null) {
                text.append(" at ").append(r.ruleLocation());
            }
        }
        return text.toString();
    }

    private ScenarioSuite suite() {
        return new ScenarioSuite(config.rulesDir(), json, config.firingLimit());
    }
}
