package com.alvh.research;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.yaml.snakeyaml.Yaml;

import com.alvh.backtest.BacktestConfig;
import com.alvh.backtest.BacktestResult;
import com.alvh.backtest.MarketHistory;
import com.alvh.backtest.Simulation;
import com.alvh.engine.CompiledRuleSet;
import com.alvh.strategy.ProfileCatalog.LoadedProfile;
import com.alvh.strategy.ProfileParser;
import com.alvh.strategy.ProfileSchema;

/**
 * Runs the variants of a sweep (all, or one shard) on a pool of worker threads (one compiled rule set shared:
 * sessions are per evaluation), each over every fold's fit and test window. Each finished variant is appended to
 * {@code variants.jsonl} at once and only its metrics and the statistics of its fit-window P&L are kept, so a long
 * sweep holds no equity curves; at most two tasks per thread are queued, so nothing grows with the number of variants
 * but those metrics. At the end {@link SweepResults} ranks them and writes the results.
 */
public final class SweepRunner {

    /** Told after each finished variant. */
    @FunctionalInterface
    public interface Progress {
        void variant(int done, int total);
    }

    private SweepRunner() {
    }

    public static SweepResults.Summary run(SweepSpec spec, MarketHistory history, LoadedProfile base, CompiledRuleSet rules,
                                           BacktestConfig config, int threads, Path out, Progress progress) throws IOException {
        return run(spec, history, base, rules, config, threads, Shard.ALL, out, progress);
    }

    public static SweepResults.Summary run(SweepSpec spec, MarketHistory history, LoadedProfile base, CompiledRuleSet rules,
                                           BacktestConfig config, int threads, Shard shard, Path out, Progress progress)
            throws IOException {
        Files.createDirectories(out);
        List<Map<String, Object>> variants = spec.variants();
        variants.forEach(v -> variantProfile(base, v)); // a bad value fails here, before any run
        int[] mine = IntStream.range(0, variants.size()).filter(shard::contains).toArray();
        SweepFiles.writeHeader(out, new SweepFiles.Header(spec, variants.size(), shard));
        List<VariantResult> results = new ArrayList<>();
        int workers = Math.max(1, threads);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "alvh-sweep");
            t.setDaemon(true);
            return t;
        });
        try (BufferedWriter jsonl = SweepFiles.openVariants(out)) {
            var done = new ExecutorCompletionService<VariantResult>(pool);
            int submitted = 0;
            for (; submitted < Math.min(mine.length, 2 * workers); submitted++) {
                submit(done, mine[submitted], variants, base, spec, history, rules, config);
            }
            for (int n = 1; n <= mine.length; n++) {
                VariantResult v = done.take().get();
                if (submitted < mine.length) {
                    submit(done, mine[submitted++], variants, base, spec, history, rules, config);
                }
                results.add(v);
                SweepFiles.append(jsonl, v);
                progress.variant(n, mine.length);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return SweepResults.finish(spec, results, out);
    }

    private static void submit(ExecutorCompletionService<VariantResult> done, int id, List<Map<String, Object>> variants,
                               LoadedProfile base, SweepSpec spec, MarketHistory history, CompiledRuleSet rules,
                               BacktestConfig config) {
        done.submit(() -> runVariant(id, variants.get(id), variantProfile(base, variants.get(id)), spec, history, rules,
                config));
    }

    static VariantResult runVariant(int id, Map<String, Object> parameters, LoadedProfile profile, SweepSpec spec,
                                    MarketHistory history, CompiledRuleSet rules, BacktestConfig config) {
        List<FoldResult> folds = new ArrayList<>();
        ReturnStats stats = null;
        for (WalkForward.Fold fold : spec.folds()) {
            BacktestResult.Arm fit = alvh(Simulation.run(history, fold.fit().from(), fold.fit().to(), config, profile,
                    rules, line -> { }));
            BacktestResult.Arm test = fold.test() == null ? null : alvh(Simulation.run(history, fold.test().from(),
                    fold.test().to(), config, profile, rules, line -> { }));
            if (fold.index() == 1) {
                List<Double> equity = fit.run().equity();
                double[] pnl = new double[equity.size() - 1];
                for (int i = 1; i < equity.size(); i++) {
                    pnl[i - 1] = equity.get(i) - equity.get(i - 1);
                }
                stats = ReturnStats.of(pnl, spec.pboBlocks());
            }
            folds.add(new FoldResult(fold.index(), fold.fit(), fold.test(), fit.metrics(),
                    VariantResult.sharpe(fit.run().equity()), test == null ? null : test.metrics(),
                    test == null ? Double.NaN : VariantResult.sharpe(test.run().equity())));
        }
        return new VariantResult(id, parameters, folds, stats);
    }

    private static BacktestResult.Arm alvh(BacktestResult result) {
        return result.arms().stream().filter(a -> a.name().equals("alvh")).findFirst().orElseThrow();
    }

    /** The base profile with the variant's values put into their sections, parsed and checked like any profile. */
    static LoadedProfile variantProfile(LoadedProfile base, Map<String, Object> values) {
        Map<String, Object> yaml = new Yaml().load(base.source());
        for (var e : values.entrySet()) {
            var field = ProfileSchema.field(e.getKey());
            if (field.isEmpty()) {
                customDefault(yaml, base, e.getKey()).put("default", e.getValue());
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> section = (Map<String, Object>) yaml.computeIfAbsent(field.get().section(), k -> new LinkedHashMap<>());
            section.put(field.get().key(), e.getValue());
        }
        String source = new Yaml().dump(yaml);
        try {
            return new LoadedProfile(ProfileParser.parse(base.profile().name(), base.file(), source), base.file(), source);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("variant " + values + " is not a valid profile: " + e.getMessage(), e);
        }
    }

    /** The declaration of a custom parameter of the base profile ({@code parameters:} section), whose default a variant sets. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> customDefault(Map<String, Object> yaml, LoadedProfile base, String name) {
        if (!(yaml.get("parameters") instanceof Map<?, ?> declared) || !(declared.get(name) instanceof Map<?, ?> declaration)) {
            throw new IllegalArgumentException("unknown profile parameter '" + name + "': neither a built-in key nor declared under"
                    + " parameters: in " + base.file());
        }
        return (Map<String, Object>) declaration;
    }
}
