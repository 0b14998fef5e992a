package com.alvh.research.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.yaml.snakeyaml.Yaml;

import com.alvh.backtest.BacktestConfig;
import com.alvh.backtest.BacktestConfigOverrides;
import com.alvh.backtest.BacktestReport;
import com.alvh.backtest.BacktestResult;
import com.alvh.backtest.MarketHistory;
import com.alvh.backtest.Simulation;
import com.alvh.backtest.report.StressWindows;
import com.alvh.engine.CompiledRuleSet;
import com.alvh.engine.RuleSetCompiler;
import com.alvh.engine.SourceFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code alvh backtest}: compiles the rule files and loads the profiles as the service does, runs the three arms
 * (unhedged, static, alvh) over the dates and writes report.json, report.html, daily.csv, actions.log and
 * stress-windows.csv to --out.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Replay daily history through the rules and a profile; compare unhedged, static and ALVH.")
public final class BacktestCli implements Callable<Integer> {

    @Option(names = "--profile", defaultValue = "balanced", description = "profile name (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "first day, YYYY-MM-DD")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "last day, YYYY-MM-DD")
    LocalDate to;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the reports go")
    Path out;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML overrides of the backtest parameters, "
            + "e.g. 'staticHedgeRatio: 0.25'")
    Path config;

    @Option(names = "--quiet", description = "no progress bar or summary")
    boolean quiet;

    @Mixin
    HistoryOptions inputs = new HistoryOptions();

    @Override
    public Integer call() throws IOException {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("--from " + from + " must be before --to " + to);
        }
        long t0 = System.nanoTime();
        var loaded = inputs.profile(profile);
        HistoryOptions.Loaded inputsLoaded = inputs.historyAndRules();
        CompiledRuleSet ruleSet = inputsLoaded.ruleSet();
        MarketHistory history = inputsLoaded.history();
        long t1 = System.nanoTime();
        ConsoleProgress bar = quiet ? new ConsoleProgress("backtest", System.err, false) : ConsoleProgress.onTerminal("backtest");
        BacktestResult result = Simulation.run(history, from, to, overrides(), loaded, ruleSet, line -> { },
                (done, total, date) -> bar.update(done, total, date.toString()));
        long t2 = System.nanoTime();
        double sinceJvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
        BacktestReport.write(result, out);
        writeStressWindows(result, out.resolve("stress-windows.csv"));
        if (!quiet) {
            for (BacktestResult.Arm arm : result.arms()) {
                System.out.printf(Locale.ROOT, "%-9s %s%n", arm.name(), arm.metrics());
            }
            System.out.printf(Locale.ROOT, "loaded and compiled in %.1f s; %d days simulated in %.1f s; result %.2f s after JVM"
                    + " start; wrote %s%n", (t1 - t0) / 1e9, result.dates().size(), (t2 - t1) / 1e9, sinceJvmStart,
                    out.resolve("report.html"));
        }
        return 0;
    }

    /** One row per stress window and arm: the stress-window table of docs/backtest.md. */
    static void writeStressWindows(BacktestResult result, Path file) throws IOException {
        StringBuilder csv = new StringBuilder("window,from,to,days,arm,pnl,drawdown,hedgePnl,rebalancingCosts,coverageRatio\n");
        for (StressWindows.Row w : StressWindows.of(result)) {
            if (!w.covered()) {
                continue;
            }
            String from = result.dates().stream().filter(d -> !d.isBefore(w.window().from())).findFirst().orElseThrow().toString();
            String to = result.dates().stream().filter(d -> !d.isAfter(w.window().to())).reduce((a, b) -> b).orElseThrow().toString();
            w.arms().forEach(a -> csv.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%s,%.2f,%.2f,%.2f,%.2f,%.4f%n",
                    w.window().label(), from, to, w.days(), a.arm(), a.pnl(), a.drawdown(), a.hedgePnl(),
                    w.rebalancingCosts(), Double.isNaN(a.coverage()) ? 0 : a.coverage())));
        }
        Files.writeString(file, csv);
    }

    static CompiledRuleSet compile(Path dir) {
        return compile(dir, java.util.Optional.empty());
    }

    /** Compiles the rules in {@code dir}, reading and keeping generated classes in {@code cache} when given. */
    static CompiledRuleSet compile(Path dir, java.util.Optional<Path> cache) {
        var compiler = new RuleSetCompiler(BacktestCli.class.getClassLoader(), Clock.systemUTC(),
                RuleSetCompiler.DEFAULT_DEADLINE, cache.flatMap(com.alvh.engine.CompiledClassCache::in));
        var compiled = compiler.compile(SourceFiles.drl(dir));
        if (!compiled.valid()) {
            throw new IllegalArgumentException("rule set in " + dir + " does not compile: " + compiled.errors());
        }
        return compiled.ruleSet();
    }

    /** The defaults, with the overrides of the --config YAML file. */
    private BacktestConfig overrides() throws IOException {
        if (config == null) {
            return BacktestConfig.defaults();
        }
        Object yaml = new Yaml().load(Files.readString(config));
        if (!(yaml instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(config + ": expected a mapping of parameter: value");
        }
        Map<String, Object> values = new HashMap<>();
        map.forEach((k, v) -> values.put(String.valueOf(k), v));
        return BacktestConfigOverrides.apply(BacktestConfig.defaults(), values);
    }
}
