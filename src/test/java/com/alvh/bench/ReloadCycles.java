package com.alvh.bench;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.alvh.engine.CompiledRuleSet;
import com.alvh.engine.RuleSetCompiler;
import com.alvh.engine.SourceFiles;
import com.alvh.evaluation.Evaluator;
import com.alvh.evaluation.request.EvaluationRequest;
import com.alvh.strategy.ProfileCatalog;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Does reloading leak? Compiles the shipped rule set N times (default 500), each time with a comment naming the cycle
 * appended to one file so that every compile is a new version, keeps references the way {@code RuleSetRegistry} does
 * (the active version plus an access-ordered LRU of the 16 most recent), evaluates one example on each new version,
 * and every 50 cycles prints heap used after {@code System.gc()}, metaspace used, loaded and unloaded class counts and
 * the mean compile time of the last 50 cycles.
 * Run: ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.alvh.bench.ReloadCycles -Dexec.args=500
 */
public final class ReloadCycles {

    private static final int KEPT_VERSIONS = 16;
    private static final int REPORT_EVERY = 50;
    private static final String CHANGED_FILE = "sizing.drl";

    private ReloadCycles() {
    }

    public static void main(String[] args) throws Exception {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        RuleSetCompiler compiler = new RuleSetCompiler(ReloadCycles.class.getClassLoader(), Clock.systemUTC());
        Map<String, String> shipped = new TreeMap<>(SourceFiles.drl(Path.of("rules")));
        if (!shipped.containsKey(CHANGED_FILE)) {
            throw new IllegalStateException("rules/" + CHANGED_FILE + " not found");
        }
        var profile = ProfileCatalog.load(Path.of("strategies"), ProfileCatalog.empty()).find("balanced").orElseThrow();
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        EvaluationRequest request = json.readValue(Files.readString(Path.of("examples/cpi-next-day.json")),
                EvaluationRequest.class);

        Map<String, CompiledRuleSet> versions = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompiledRuleSet> eldest) {
                return size() > KEPT_VERSIONS;
            }
        };
        CompiledRuleSet active = null;

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        System.out.printf("%d cycles, changing %s; kept: active + LRU of %d; JVM max heap %d MB%n", cycles, CHANGED_FILE,
                KEPT_VERSIONS, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("%6s %14s %16s %14s %16s %20s %17s%n", "cycle", "heapUsed(MB)", "metaspaceUsed(MB)",
                "loadedClasses", "unloadedClasses", "meanCompile(ms,50)", "meanEval(ms,50)");
        report(0, memory, classes, Double.NaN, Double.NaN);

        long compileNanos = 0;
        long evalNanos = 0;
        long sink = 0;
        long allCompileNanos = 0;
        for (int cycle = 1; cycle <= cycles; cycle++) {
            Map<String, String> files = new TreeMap<>(shipped);
            files.put(CHANGED_FILE, shipped.get(CHANGED_FILE) + "\n// reload cycle " + cycle + "\n");
            long t0 = System.nanoTime();
            RuleSetCompiler.Result result = compiler.compile(files);
            long t1 = System.nanoTime();
            if (!result.valid()) {
                throw new IllegalStateException("cycle " + cycle + " did not compile: " + result.errors());
            }
            CompiledRuleSet compiled = result.ruleSet();
            if (active != null && active.version().equals(compiled.version())) {
                throw new IllegalStateException("cycle " + cycle + " did not change the version");
            }
            versions.put(compiled.version(), compiled);
            active = compiled;
            long t2 = System.nanoTime();
            sink += Evaluator.run("reload-" + cycle, request, profile, active, false, 10_000).answer().firings().size();
            long t3 = System.nanoTime();
            compileNanos += t1 - t0;
            allCompileNanos += t1 - t0;
            evalNanos += t3 - t2;
            if (cycle % REPORT_EVERY == 0 || cycle == cycles) {
                int n = cycle % REPORT_EVERY == 0 ? REPORT_EVERY : cycle % REPORT_EVERY;
                report(cycle, memory, classes, compileNanos / 1e6 / n, evalNanos / 1e6 / n);
                compileNanos = 0;
                evalNanos = 0;
            }
        }
        System.out.printf("mean compile over all %d cycles: %.1f ms; versions kept at the end: %d (+ active); firings %d%n",
                cycles, allCompileNanos / 1e6 / cycles, versions.size(), sink);
    }

    private static void report(int cycle, MemoryMXBean memory, ClassLoadingMXBean classes, double meanCompileMs,
                               double meanEvalMs) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long heap = memory.getHeapMemoryUsage().getUsed();
        long metaspace = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals("Metaspace"))
                .mapToLong(p -> p.getUsage().getUsed()).sum();
        System.out.printf("%6d %14.1f %16.1f %14d %16d %20s %17s%n", cycle, heap / 1048576.0, metaspace / 1048576.0,
                classes.getLoadedClassCount(), classes.getUnloadedClassCount(),
                Double.isNaN(meanCompileMs) ? "-" : String.format("%.1f", meanCompileMs),
                Double.isNaN(meanEvalMs) ? "-" : String.format("%.2f", meanEvalMs));
    }
}
