package com.alvh.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.alvh.engine.CompiledRuleSet;
import com.alvh.engine.Firing;
import com.alvh.engine.RuleInfo;
import com.alvh.evaluation.Evaluator;
import com.alvh.evaluation.answer.EvaluationAnswer;
import com.alvh.evaluation.answer.SignalView;
import com.alvh.evaluation.request.EvaluationRequest;
import com.alvh.hedge.HedgeAction;
import com.alvh.hedge.Reason;
import com.alvh.strategy.ProfileCatalog.LoadedProfile;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the scenarios of {@code <rules-dir>/scenarios/*.json} against one rule set and reports each one (expected
 * versus actual, the rules fired) and the rule coverage, like a Drools test-scenario report. The scenario gate, the
 * {@code POST /api/v1/scenarios/run} endpoint and the {@code scenarios} command all use it. No framework: the CLI
 * builds it by hand.
 */
public final class ScenarioSuite {

    /** One scenario file: a request plus the action types (and optionally active signals) it must produce. */
    public record Scenario(String description, EvaluationRequest request, List<String> expectActions,
                           List<String> expectSignals) {
    }

    /**
     * The outcome of one scenario. {@code failure} is null when it passed; {@code line} is the line of the scenario
     * file holding the expectation that failed; {@code rule}/{@code ruleLocation} name the rule responsible (the one
     * whose action came instead of the expected one) when one is.
     */
    public record Result(String scenario, String description, String profile, boolean passed, boolean skipped,
                         List<String> expectedActions, List<String> actualActions, List<String> expectedSignals,
                         List<String> activeSignals, List<String> rulesFired, String failure, int line, String rule,
                         String ruleLocation) {
    }

    /** Rules fired at least once across all scenarios, out of all rules of the set. */
    public record Coverage(int rulesFired, int rulesTotal, double percent, List<String> neverFired) {
    }

    /** The whole run. */
    public record Report(String ruleSetVersion, int total, int passed, int failed, int skipped, List<Result> scenarios,
                         Coverage coverage) {
    }

    private final Path scenariosDir;
    private final ObjectMapper json;
    private final int firingLimit;

    public ScenarioSuite(Path rulesDir, ObjectMapper json, int firingLimit) {
        this.scenariosDir = rulesDir.resolve("scenarios");
        this.json = json;
        this.firingLimit = firingLimit;
    }

    /** Runs every scenario against {@code ruleSet}, with the profiles {@code profiles} finds. */
    public Report run(CompiledRuleSet ruleSet, Function<String, Optional<LoadedProfile>> profiles) {
        List<Result> results = new ArrayList<>();
        Set<String> fired = new TreeSet<>();
        for (Path file : files()) {
            Result result = runOne(file, ruleSet, profiles);
            fired.addAll(result.rulesFired());
            results.add(result);
        }
        List<String> all = ruleSet.rules().stream().map(RuleInfo::name).toList();
        List<String> never = all.stream().filter(r -> !fired.contains(r)).toList();
        int covered = all.size() - never.size();
        double percent = all.isEmpty() ? 100.0 : Math.round(1000.0 * covered / all.size()) / 10.0;
        int passed = (int) results.stream().filter(r -> r.passed() && !r.skipped()).count();
        int skipped = (int) results.stream().filter(Result::skipped).count();
        return new Report(ruleSet.version(), results.size(), passed, results.size() - passed - skipped, skipped,
                List.copyOf(results), new Coverage(covered, all.size(), percent, never));
    }

    private Result runOne(Path file, CompiledRuleSet ruleSet, Function<String, Optional<LoadedProfile>> profiles) {
        String name = "scenarios/" + file.getFileName();
        String text;
        Scenario scenario;
        try {
            text = Files.readString(file);
            scenario = json.readValue(text, Scenario.class);
        } catch (IOException | RuntimeException e) {
            return failed(name, null, null, "cannot be read: " + e.getMessage(), 1);
        }
        if (scenario.request() == null || scenario.expectActions() == null) {
            return failed(name, scenario.description(), null, "needs a request and expectActions", 1);
        }
        String profileName = scenario.request().profile();
        Optional<LoadedProfile> profile = profiles.apply(profileName);
        if (profile.isEmpty()) {
            // The profile is not loaded here, so the scenario cannot speak for this deployment.
            return new Result(name, scenario.description(), profileName, true, true, scenario.expectActions(), List.of(),
                    scenario.expectSignals(), List.of(), List.of(), null, 1, null, null);
        }
        EvaluationAnswer answer;
        try {
            answer = Evaluator.run("scenario", scenario.request(), profile.get(), ruleSet, true, firingLimit).answer();
        } catch (RuntimeException e) {
            return failed(name, scenario.description(), profileName, "the evaluation failed: " + e.getMessage(),
                    lineOf(text, "request"));
        }
        List<String> actions = answer.decision().actions().stream().map(HedgeAction::type).map(Enum::name).toList();
        List<String> active = answer.signals().stream().filter(SignalView::active).map(SignalView::name).distinct().toList();
        List<String> rulesFired = answer.firings().stream().map(Firing::rule).distinct().toList();
        String failure = null;
        int line = 1;
        String rule = null;
        if (!actions.equals(scenario.expectActions())) {
            failure = "expected actions " + scenario.expectActions() + " but got " + actions;
            line = lineOf(text, "expectActions");
            rule = responsibleRule(answer, scenario.expectActions());
        } else if (scenario.expectSignals() != null && !active.containsAll(scenario.expectSignals())) {
            List<String> missing = scenario.expectSignals().stream().filter(s -> !active.contains(s)).toList();
            failure = "expected active signals " + scenario.expectSignals() + " but " + missing + " did not fire (active: "
                    + active + ")" + unavailable(answer, missing);
            line = lineOf(text, "expectSignals");
        }
        String responsible = rule;
        String location = rule == null ? null
                : ruleSet.fileOf(rule).map(f -> f + ":" + ruleLine(ruleSet, f, responsible)).orElse(null);
        return new Result(name, scenario.description(), profileName, failure == null, false, scenario.expectActions(),
                actions, scenario.expectSignals(), active, rulesFired, failure, line, rule, location);
    }

    /** The rule behind the first action that was not expected (or behind the first action at all). */
    private static String responsibleRule(EvaluationAnswer answer, List<String> expected) {
        List<HedgeAction> actions = answer.decision().actions();
        return actions.stream().filter(a -> !expected.contains(a.type().name())).findFirst()
                .or(() -> actions.stream().findFirst())
                .flatMap(a -> a.reasons().stream().map(Reason::rule).filter(r -> r != null).findFirst())
                .orElse(null);
    }

    private static String unavailable(EvaluationAnswer answer, List<String> missing) {
        StringBuilder out = new StringBuilder();
        answer.signals().stream().filter(s -> missing.contains(s.name()) && !s.available())
                .forEach(s -> out.append("; ").append(s.name()).append(": ").append(s.text()));
        return out.toString();
    }

    private static Result failed(String name, String description, String profile, String failure, int line) {
        return new Result(name, description, profile, false, false, List.of(), List.of(), List.of(), List.of(), List.of(),
                failure, line, null, null);
    }

    /** The 1-based line of the first {@code "key"} in a scenario file, or 1. */
    static int lineOf(String text, String key) {
        int at = text.indexOf("\"" + key + "\"");
        return at < 0 ? 1 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The line of {@code rule "name"} in its DRL file, or 1. */
    static int ruleLine(CompiledRuleSet ruleSet, String file, String rule) {
        String source = ruleSet.files().get(file);
        if (source == null) {
            return 1;
        }
        Matcher m = Pattern.compile("(?m)^\\s*rule\\s+\"" + Pattern.quote(rule) + "\"").matcher(source);
        return m.find() ? (int) source.substring(0, m.start()).chars().filter(c -> c == '\n').count()
                + (int) m.group().chars().takeWhile(c -> c == '\n').count() + 1 : 1;
    }

    private List<Path> files() {
        if (!Files.isDirectory(scenariosDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(scenariosDir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Every rule named in a report's failures, for callers that only need the names. */
    static Set<String> failingRules(Report report) {
        Set<String> out = new LinkedHashSet<>();
        report.scenarios().stream().filter(r -> r.rule() != null).forEach(r -> out.add(r.rule()));
        return out;
    }
}
