package com.alvh.backtest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.alvh.backtest.data.DailyCloses;
import com.alvh.backtest.data.EventsCsv;
import com.alvh.backtest.data.IndexHistoryCsv;
import com.alvh.backtest.data.VxCurveCsv;
import com.alvh.backtest.data.VxCurveHistory;
import com.alvh.engine.RuleSetCompiler;
import com.alvh.engine.SourceFiles;
import com.alvh.strategy.ProfileCatalog;

/**
 * Command line: {@code --profile NAME --spx FILE --vix FILE [--vix3m FILE] [--vx-curve FILE] [--events FILE]
 * --from DATE --to DATE --out DIR [--rules DIR] [--strategies DIR] [--config FILE]}; FILE is YAML of
 * {@link BacktestConfig} parameters to override. Compiles the rule files and loads the
 * profiles as the service does, runs the three arms and writes DIR/report.json and DIR/report.html.
 */
public final class BacktestCommand {

    private BacktestCommand() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        long t0 = System.nanoTime();
        var compiled = new RuleSetCompiler(BacktestCommand.class.getClassLoader(), Clock.systemUTC())
                .compile(SourceFiles.drl(Path.of(opt.getOrDefault("rules", "rules"))));
        if (!compiled.valid()) {
            throw new IllegalArgumentException("rule set does not compile: " + compiled.errors());
        }
        var profile = ProfileCatalog.load(Path.of(opt.getOrDefault("strategies", "strategies")), ProfileCatalog.empty())
                .find(required(opt, "profile")).orElseThrow(() -> new IllegalArgumentException("no profile " + opt.get("profile")));
        DailyCloses vix3m = opt.containsKey("vix3m") ? IndexHistoryCsv.read(Path.of(opt.get("vix3m"))) : null;
        VxCurveHistory curve = VxCurveCsv.read(paths(args, "vx-curve"));
        MarketHistory history = MarketHistory.align(IndexHistoryCsv.read(Path.of(required(opt, "spx"))),
                IndexHistoryCsv.read(Path.of(required(opt, "vix"))), vix3m, curve, EventsCsv.read(paths(args, "events")));
        System.out.printf("loaded %d trading days and compiled %d rules in %d ms%n", history.days().size(),
                compiled.ruleSet().rules().size(), (System.nanoTime() - t0) / 1_000_000);
        BacktestResult result = Simulation.run(history, LocalDate.parse(required(opt, "from")),
                LocalDate.parse(required(opt, "to")), config(opt), profile, compiled.ruleSet(),
                System.out::println);
        Path out = Path.of(required(opt, "out"));
        BacktestReport.write(result, out);
        for (BacktestResult.Arm arm : result.arms()) {
            System.out.printf(Locale.ROOT, "%-9s %s%n", arm.name(), arm.metrics());
        }
        System.out.printf("%d days simulated in %.1f s; wrote %s%n", result.dates().size(),
                (System.nanoTime() - t0) / 1e9, out.resolve("report.json"));
    }

    private static final java.util.Set<String> KNOWN = java.util.Set.of("profile", "spx", "vix", "vix3m", "vx-curve",
            "events", "from", "to", "out", "rules", "strategies", "config");

    /** The defaults, with the overrides of a YAML file given as --config (e.g. {@code staticHedgeRatio: 0.25}). */
    private static BacktestConfig config(Map<String, String> opt) throws java.io.IOException {
        if (!opt.containsKey("config")) {
            return BacktestConfig.defaults();
        }
        Object yaml = new org.yaml.snakeyaml.Yaml().load(java.nio.file.Files.readString(Path.of(opt.get("config"))));
        if (!(yaml instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(opt.get("config") + ": expected a mapping of parameter: value");
        }
        Map<String, Object> overrides = new HashMap<>();
        map.forEach((k, v) -> overrides.put(String.valueOf(k), v));
        return BacktestConfigOverrides.apply(BacktestConfig.defaults(), overrides);
    }

    /** Every value of an option that may be repeated (--vx-curve, --events). */
    static List<Path> paths(String[] args, String name) {
        List<Path> out = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--" + name)) {
                out.add(Path.of(args[i + 1]));
            }
        }
        return out;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            String name = args[i].substring(2);
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + new java.util.TreeSet<>(KNOWN));
            }
            opt.put(name, args[i + 1]);
        }
        return opt;
    }

    private static String required(Map<String, String> opt, String name) {
        String value = opt.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }
}
