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

    /** One scenario file. */
    public record Scenario(String description, com.alvh.evaluation.request.EvaluationRequest request,
                           List<String> expectActions, List<String> expectSignals) {
    }

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

    /**
     * Runs the scenarios on a rule set with the profiles a lookup gives: the loaded ones when a rule set changes,
     * or the loaded ones with one candidate profile swapped in when a profile changes.
     */
    public List<RuleError> check(CompiledRuleSet candidate,
                                 java.util.function.Function<String, java.util.Optional<LoadedProfile>> lookup) {
        List<RuleError> errors = new ArrayList<>();
        for (Path file : scenarioFiles()) {
            String name = "scenarios/" + file.getFileName();
            try {
                Scenario scenario = json.readValue(file.toFile(), Scenario.class);
                String problem = run(scenario, candidate, lookup);
                if (problem != null) {
                    errors.add(new RuleError(name, 1, 1, "scenario failed: " + problem));
                }
            } catch (IOException e) {
                errors.add(new RuleError(name, 1, 1, "scenario cannot be read: " + e.getMessage()));
            } catch (RuntimeException e) {
                errors.add(new RuleError(name, 1, 1, "scenario failed: " + e.getMessage()));
            }
        }
        return errors;
    }

    private String run(Scenario scenario, CompiledRuleSet candidate,
                       java.util.function.Function<String, java.util.Optional<LoadedProfile>> lookup) {
        var profile = lookup.apply(scenario.request().profile()).orElse(null);
        if (profile == null) {
            return null; // the profile is not loaded here, so the scenario cannot speak for this deployment
        }
        EvaluationAnswer answer = Evaluator.run("scenario", scenario.request(), profile, candidate, true,
                config.firingLimit()).answer();
        List<String> actions = answer.decision().actions().stream().map(HedgeAction::type).map(Enum::name).toList();
        if (!actions.equals(scenario.expectActions())) {
            return "expected actions " + scenario.expectActions() + " but got " + actions;
        }
        List<String> active = answer.signals().stream().filter(SignalView::active).map(SignalView::name).distinct().toList();
        if (scenario.expectSignals() != null && !active.containsAll(scenario.expectSignals())) {
            return "expected active signals " + scenario.expectSignals() + " but got " + active;
        }
        return null;
    }

    private List<Path> scenarioFiles() {
        Path dir = config.rulesDir().resolve("scenarios");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
