package com.alvh.research;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.yaml.snakeyaml.Yaml;

import com.alvh.backtest.BacktestConfig;
import com.alvh.backtest.BacktestResult;
import com.alvh.backtest.MarketHistory;
import com.alvh.backtest.Metrics;
import com.alvh.backtest.Simulation;
import com.alvh.engine.CompiledRuleSet;
import com.alvh.strategy.ProfileCatalog.LoadedProfile;
import com.alvh.strategy.ProfileParser;
import com.alvh.strategy.ProfileSchema;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Runs every variant of a sweep on a pool of worker threads (one compiled rule set shared: sessions are per
 * evaluation), each over the fit window and, when given, the later test window. Each finished variant is written to
 * {@code results.csv} at once and only its metrics (and the fit window's daily P&L, for PBO) are kept, so a long
 * sweep holds no equity curves. At the end, {@code results.json} has the ranking (by the fit window only) and PBO.
 */
public final class SweepRunner {

    /** Told after each finished variant. */
    @FunctionalInterface
    public interface Progress {
        void variant(int done, int total);
    }

    /** What a sweep found. */
    public record Summary(List<Ranking.Ranked> ranking, Pbo.Result pbo, int variants) {
    }

    private SweepRunner() {
    }

    public static Summary run(SweepSpec spec, MarketHistory history, LoadedProfile base, CompiledRuleSet rules,
                              BacktestConfig config, int threads, Path out, Progress progress) throws IOException {
        Files.createDirectories(out);
        List<Map<String, Object>> variants = spec.variants();
        List<LoadedProfile> profiles = new ArrayList<>();
        for (Map<String, Object> v : variants) {
            profiles.add(variantProfile(base, v)); // a bad value fails here, before any run
        }
        List<VariantResult> results = new ArrayList<>();
        double[][] fitPnl = new double[variants.size()][];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "alvh-sweep");
            t.setDaemon(true);
            return t;
        });
        try (BufferedWriter csv = Files.newBufferedWriter(out.resolve("results.csv"))) {
            csv.write(header(spec));
            var done = new ExecutorCompletionService<Object[]>(pool);
            for (int i = 0; i < variants.size(); i++) {
                int id = i;
                done.submit(() -> runVariant(id, variants.get(id), profiles.get(id), spec, history, rules, config));
            }
            for (int n = 1; n <= variants.size(); n++) {
                Object[] r = done.take().get();
                VariantResult v = (VariantResult) r[0];
                results.add(v);
                fitPnl[v.id()] = (double[]) r[1];
                csv.write(row(spec, v));
                csv.flush();
                progress.variant(n, variants.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<Ranking.Ranked> ranking = Ranking.rank(results, spec.objective(), spec.constraints());
        Pbo.Result pbo = variants.size() >= 2 ? Pbo.of(trimmed(fitPnl), spec.pboBlocks()) : null;
        writeJson(spec, ranking, pbo, out);
        return new Summary(ranking, pbo, variants.size());
    }

    private static Object[] runVariant(int id, Map<String, Object> parameters, LoadedProfile profile, SweepSpec spec,
                                       MarketHistory history, CompiledRuleSet rules, BacktestConfig config) {
        BacktestResult.Arm fit = alvh(Simulation.run(history, spec.fit().from(), spec.fit().to(), config, profile, rules,
                line -> { }));
        BacktestResult.Arm test = spec.test() == null ? null : alvh(Simulation.run(history, spec.test().from(),
                spec.test().to(), config, profile, rules, line -> { }));
        List<Double> equity = fit.run().equity();
        double[] pnl = new double[equity.size() - 1];
        for (int i = 1; i < equity.size(); i++) {
            pnl[i - 1] = equity.get(i) - equity.get(i - 1);
        }
        VariantResult v = new VariantResult(id, parameters, fit.metrics(), VariantResult.sharpe(equity),
                test == null ? null : test.metrics(), test == null ? Double.NaN : VariantResult.sharpe(test.run().equity()));
        return new Object[] {v, pnl};
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

    private static double[][] trimmed(double[][] pnl) {
        int t = Integer.MAX_VALUE;
        for (double[] p : pnl) {
            t = Math.min(t, p.length);
        }
        double[][] out = new double[pnl.length][];
        for (int i = 0; i < pnl.length; i++) {
            out[i] = java.util.Arrays.copyOf(pnl[i], t);
        }
        return out;
    }

    private static final String[] METRICS = {"totalPnl", "maxDrawdown", "returnOverDrawdown", "sharpe", "hedgeCost",
        "hedgePnl", "modelledDays"};

    private static String header(SweepSpec spec) {
        List<String> cols = new ArrayList<>(List.of("variant"));
        cols.addAll(spec.parameters().keySet());
        for (String window : List.of("fit", "test")) {
            for (String m : METRICS) {
                cols.add(window + "_" + m);
            }
        }
        return String.join(",", cols) + "\n";
    }

    private static String row(SweepSpec spec, VariantResult v) {
        List<String> cells = new ArrayList<>(List.of(String.valueOf(v.id())));
        spec.parameters().keySet().forEach(k -> cells.add(csvCell(String.valueOf(v.parameters().get(k)))));
        cells.addAll(metricCells(v.fit(), v.fitSharpe()));
        cells.addAll(metricCells(v.test(), v.testSharpe()));
        return String.join(",", cells) + "\n";
    }

    /** RFC 4180 quoting for a value that holds a comma or a quote, e.g. a list such as eventTypes [FOMC, CPI]. */
    static String csvCell(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

        private static List<String> metricCells(Metrics m, double sharpe) {
        if (m == null) {
            return java.util.Collections.nCopies(METRICS.length, "");
        }
        return List.of(num(m.totalPnl()), num(m.maxDrawdown()), num(Objective.returnOverDrawdown(m)), num(sharpe),
                num(m.hedgeCost()), num(m.hedgePnl()), String.valueOf(m.modelledDays()));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static void writeJson(SweepSpec spec, List<Ranking.Ranked> ranking, Pbo.Result pbo, Path out) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("objective", spec.objective());
        json.put("constraints", spec.constraints().stream().map(Constraint::toString).toList());
        json.put("fit", spec.fit());
        json.put("test", spec.test());
        json.put("variants", ranking.size());
        json.put("pbo", pbo == null ? null : Map.of("value", pbo.pbo(), "splits", pbo.splits(), "blocks", spec.pboBlocks(),
                "method", "CSCV (Bailey, Borwein, López de Prado, Zhu 2017) on daily P&L of the fit window, Sharpe ranked"));
        json.put("ranking", ranking.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", r.rank());
            m.put("variant", r.variant().id());
            m.put("feasible", r.feasible());
            m.put("parameters", r.variant().parameters());
            m.put("fitObjective", r.fitScore());
            m.put("testObjective", r.testScore());
            m.put("fit", r.variant().fit());
            m.put("fitSharpe", r.variant().fitSharpe());
            m.put("test", r.variant().test());
            m.put("testSharpe", r.variant().testSharpe());
            return m;
        }).toList());
        try {
            new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .configure(com.fasterxml.jackson.core.json.JsonWriteFeature.WRITE_NAN_AS_STRINGS.mappedFeature(), true)
                    .writeValue(out.resolve("results.json").toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
