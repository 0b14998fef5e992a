package com.alvh.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.kie.api.runtime.KieSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import com.alvh.engine.CompiledRuleSet;
import com.alvh.engine.Firing;
import com.alvh.engine.MatchedFact;
import com.alvh.engine.RuleSetCompiler;
import com.alvh.engine.SourceFiles;
import com.alvh.evaluation.BenchFacts;
import com.alvh.evaluation.Evaluator;
import com.alvh.evaluation.request.EvaluationRequest;
import com.alvh.strategy.ProfileCatalog;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The shipped rules on the three example requests, one thread, side by side in one JVM:
 * <ul>
 * <li>{@code bareSession}: new session, insert the derived facts, fire, dispose; no listener (the engine's limit);</li>
 * <li>{@code fullPath}: {@link Evaluator#run}: derive facts, run with the firing trail, assemble the answer;</li>
 * <li>{@code fullPathRendered}: the same, plus reading every firing's matched-fact snapshot, as rendering does.</li>
 * </ul>
 * Run: {@code ./mvnw -Pbench test-compile exec:exec} (see docs/benchmarks.md). The forked JVM sets
 * java.util.logging.manager to org.jboss.logmanager.LogManager, as the service does, so Drools logs cheaply.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-Xmx512m"})
@Threads(1)
public class EngineBenchmark {

    private CompiledRuleSet rules;
    private ProfileCatalog.LoadedProfile profile;
    private final List<EvaluationRequest> requests = new ArrayList<>();
    private final List<List<Object>> facts = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() throws Exception {
        rules = new RuleSetCompiler(EngineBenchmark.class.getClassLoader(), Clock.systemUTC())
                .compile(SourceFiles.drl(Path.of("rules"))).ruleSet();
        profile = ProfileCatalog.load(Path.of("strategies"), ProfileCatalog.empty()).find("balanced").orElseThrow();
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

    @Benchmark
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

    @Benchmark
    public Object fullPath() {
        return Evaluator.run("bench", requests.get(nextIndex()), profile, rules, false, 10_000).answer();
    }

    @Benchmark
    public void fullPathRendered(Blackhole sink) {
        var answer = Evaluator.run("bench", requests.get(nextIndex()), profile, rules, false, 10_000).answer();
        for (Firing firing : answer.firings()) {
            for (MatchedFact fact : firing.matched()) {
                sink.consume(fact.fields());
            }
        }
        sink.consume(answer);
    }
}
