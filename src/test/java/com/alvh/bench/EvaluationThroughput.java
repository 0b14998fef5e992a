package com.alvh.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.alvh.engine.CompiledRuleSet;
import com.alvh.engine.RuleSetCompiler;
import com.alvh.engine.SourceFiles;
import com.alvh.evaluation.Evaluator;
import com.alvh.evaluation.request.EvaluationRequest;
import com.alvh.strategy.ProfileCatalog;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * In-process throughput of the evaluation path (derive facts, run the shipped rules, assemble the decision) on one
 * thread, after warm-up, cycling through the example requests. No HTTP and no audit: that is measured separately.
 * Run: ./mvnw -Pbench test-compile exec:exec -Dbench.main=com.alvh.bench.EvaluationThroughput -Djmh.args=10 (seconds),
 * in a JVM whose logging is set up as the service's ({@link ServiceLogging}).
 */
public final class EvaluationThroughput {

    private EvaluationThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        ServiceLogging.configure();
        long t0 = System.nanoTime();
        RuleSetCompiler.Result compiled = new RuleSetCompiler(EvaluationThroughput.class.getClassLoader(), Clock.systemUTC())
                .compile(SourceFiles.drl(Path.of("rules")));
        CompiledRuleSet rules = compiled.ruleSet();
        System.out.printf("first compile of the shipped rule set (%d rules): %d ms%n", rules.rules().size(),
                (System.nanoTime() - t0) / 1_000_000);
        var profile = ProfileCatalog.load(Path.of("strategies"), ProfileCatalog.empty()).find("balanced").orElseThrow();
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        List<EvaluationRequest> requests = new ArrayList<>();
        try (var files = Files.list(Path.of("examples"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                requests.add(json.readValue(file.toFile(), EvaluationRequest.class));
            }
        }
        run(requests, profile, rules, 5);
        long[] split = new long[2];
        long count = run(requests, profile, rules, seconds, split);
        System.out.printf("evaluations: %d in %d s on one thread = %.0f evaluations/s (%d example requests)%n",
                count, seconds, count / (double) seconds, requests.size());
        System.out.printf("mean per evaluation: %.1f µs deriving facts, %.1f µs in the rule session%n",
                split[0] / 1000.0 / count, split[1] / 1000.0 / count);
    }

    private static long run(List<EvaluationRequest> requests, ProfileCatalog.LoadedProfile profile, CompiledRuleSet rules,
                            int seconds) {
        return run(requests, profile, rules, seconds, new long[2]);
    }

    private static long run(List<EvaluationRequest> requests, ProfileCatalog.LoadedProfile profile, CompiledRuleSet rules,
                            int seconds, long[] split) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long count = 0;
        long sink = 0;
        while (System.nanoTime() < end) {
            for (EvaluationRequest request : requests) {
                Evaluator.Evaluation e = Evaluator.run("bench", request, profile, rules, false, 10_000);
                split[0] += e.deriveNanos();
                split[1] += e.rulesNanos();
                sink += e.answer().firings().size();
                count++;
            }
        }
        if (sink == 42) {
            System.out.println();
        }
        return count;
    }
}
