package com.alvh.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.kie.api.runtime.KieSession;

import com.alvh.engine.CompiledRuleSet;
import com.alvh.engine.Firing;
import com.alvh.engine.MatchedFact;
import com.alvh.engine.RuleSessionRunner;
import com.alvh.engine.RuleSetCompiler;
import com.alvh.engine.SourceFiles;
import com.alvh.evaluation.BenchFacts;
import com.alvh.evaluation.Evaluator;
import com.alvh.evaluation.request.EvaluationRequest;
import com.alvh.strategy.ProfileCatalog;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The in-process paths the benchmarks compare, on the shipped rules (compiled by the production compiler:
 * executable model, verified and metered), profile {@code balanced} and the example requests in turn:
 * <ul>
 * <li>{@code bareSession}: new session, insert the derived facts, fire, dispose; no listener (the engine's limit);</li>
 * <li>{@code trailSession}: the same facts through {@link RuleSessionRunner} (deadline, trail, conclusions);</li>
 * <li>{@code derive}: only the derivation of the facts from the request;</li>
 * <li>{@code fullPath}: {@link Evaluator#run}: derive facts, run with the firing trail, assemble the answer;</li>
 * <li>{@code fullPathRendered}: the same, plus reading every firing's matched facts, as rendering the answer does.</li>
 * </ul>
 * It uses only API that has not changed since the trail was made cheap, so {@link SideBySide} can load it with an
 * older build's classes to compare before and after in one JVM.
 */
public final class BenchPaths implements Supplier<Map<String, IntSupplier>> {

    private final CompiledRuleSet rules;
    private final ProfileCatalog catalog;
    private final ProfileCatalog.LoadedProfile profile;
    private final List<EvaluationRequest> requests = new ArrayList<>();
    private final List<List<Object>> facts = new ArrayList<>();
    private int next;

    public BenchPaths() throws Exception {
        rules = new RuleSetCompiler(BenchPaths.class.getClassLoader(), Clock.systemUTC())
                .compile(SourceFiles.drl(Path.of("rules"))).ruleSet();
        catalog = ProfileCatalog.load(Path.of("strategies"), ProfileCatalog.empty());
        profile = catalog.find("balanced").orElseThrow();
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        try (var files = Files.list(Path.of("examples"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                EvaluationRequest request = json.readValue(file.toFile(), EvaluationRequest.class);
                requests.add(request);
                facts.add(BenchFacts.of(request, profile.profile()));
            }
        }
    }

    private int nextIndex() {
        next = (next + 1) % requests.size();
        return next;
    }

    public int bareSession() {
        KieSession session = rules.kieBase().newKieSession();
        try {
            for (Object fact : facts.get(nextIndex())) {
                session.insert(fact);
            }
            return session.fireAllRules(10_000);
        } finally {
            session.dispose();
        }
    }

    /** The session as the service runs it (deadline, firing trail, conclusions), on the same facts as the bare one. */
    public int trailSession() {
        return RuleSessionRunner.run(rules, facts.get(nextIndex()), 10_000).firings().size();
    }

    /** Only the derivation of the facts from a request (validation included). */
    public int derive() {
        return BenchFacts.of(requests.get(nextIndex()), profile.profile()).size();
    }

    public Evaluator.Evaluation fullPath() {
        return Evaluator.run("bench", requests.get(nextIndex()), profile, rules, false, 10_000);
    }

    /** The full path with every matched fact read; returns a count so nothing is optimised away. */
    public int fullPathRendered() {
        var answer = fullPath().answer();
        int fields = answer.signals().size();
        for (Firing firing : answer.firings()) {
            for (MatchedFact fact : firing.matched()) {
                fields += fact.fields().size();
            }
        }
        return fields;
    }

    /**
     * The answer and what the rules did beyond it (conclusions, near misses: what the audit keeps), as JSON, for a
     * request given as JSON; or the refusal's message. Used by {@link AnswerEquivalence} to compare two builds.
     */
    public String answerJson(String requestJson) throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        try {
            EvaluationRequest request = json.readValue(requestJson, EvaluationRequest.class);
            ProfileCatalog.LoadedProfile chosen = catalog.find(request.profile()).orElseThrow();
            Evaluator.Evaluation e = Evaluator.run("same-id", request, chosen, rules, false, 10_000);
            return json.writeValueAsString(List.of(e.answer(), e.outcome().conclusions(), e.outcome().cancelled()));
        } catch (RuntimeException e) {
            return "refused: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    @Override
    public Map<String, IntSupplier> get() {
        Map<String, IntSupplier> paths = new LinkedHashMap<>();
        paths.put("bareSession", this::bareSession);
        paths.put("trailSession", this::trailSession);
        paths.put("derive", this::derive);
        paths.put("fullPath", () -> fullPath().answer().firings().size());
        paths.put("fullPathRendered", this::fullPathRendered);
        return paths;
    }
}
