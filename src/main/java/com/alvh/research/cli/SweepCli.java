package com.alvh.research.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.alvh.backtest.BacktestConfig;
import com.alvh.backtest.MarketHistory;
import com.alvh.research.Ranking;
import com.alvh.research.Shard;
import com.alvh.research.SweepResults;
import com.alvh.research.SweepRunner;
import com.alvh.research.SweepSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code alvh sweep}: every variant of a sweep file over its fit and test windows, ranked by the fit window. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run every variant of a sweep file (YAML) on all cores, or one shard of them; write "
                + "results.csv, results.json and report.html (ranking by the fit windows, walk-forward picks, PBO by CSCV, "
                + "deflated Sharpe ratio) and variants.jsonl, which sweep-merge reads.")
public final class SweepCli implements Callable<Integer> {

    @Option(names = "--sweep", required = true, paramLabel = "FILE", description = "the sweep file (YAML)")
    Path sweep;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where results go")
    Path out;

    @Option(names = "--shard", paramLabel = "i/N", converter = ShardConverter.class,
            description = "run only shard i of N (0 ≤ i < N; variant v is in shard v mod N); merge with sweep-merge")
    Shard shard = Shard.ALL;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--quiet", description = "no progress bar or summary")
    boolean quiet;

    @Mixin
    HistoryOptions inputs = new HistoryOptions();

    @Override
    public Integer call() throws Exception {
        SweepSpec spec = SweepSpec.read(sweep);
        var base = inputs.profile(spec.profile());
        HistoryOptions.Loaded loaded = inputs.historyAndRules();
        var ruleSet = loaded.ruleSet();
        MarketHistory history = loaded.history();
        ConsoleProgress bar = quiet ? new ConsoleProgress("sweep", System.err, false) : ConsoleProgress.onTerminal("sweep");
        long t0 = System.nanoTime();
        var summary = SweepRunner.run(spec, history, base, ruleSet, BacktestConfig.defaults(),
                threads == null ? Runtime.getRuntime().availableProcessors() : threads, shard, out,
                (done, total) -> bar.update(done, total, "variants"));
        if (!quiet) {
            print(spec, summary, (System.nanoTime() - t0) / 1e9, out);
        }
        return 0;
    }

    /** The top ten, the walk-forward picks, and the overfitting figures. */
    static void print(SweepSpec spec, SweepResults.Summary summary, double seconds, Path out) {
        for (Ranking.Ranked r : summary.ranking().subList(0, Math.min(10, summary.ranking().size()))) {
            System.out.printf(Locale.ROOT, "#%d %s fit %s=%.4f test %.4f%s%n", r.rank(), r.variant().parameters(),
                    spec.objective(), r.fitScore(), r.testScore(), r.feasible() ? "" : " (breaks a constraint)");
        }
        if (summary.walkForward().size() > 1) {
            summary.walkForward().forEach(p -> System.out.printf(Locale.ROOT, "fold %d: fit %s..%s picks %s, test %s..%s "
                    + "%s=%.4f%n", p.fold(), p.fit().from(), p.fit().to(), p.parameters(), p.test().from(), p.test().to(),
                    spec.objective(), p.testObjective()));
        }
        System.out.printf(Locale.ROOT, "%d variants in %.1f s; PBO %s; deflated Sharpe of the top variant %s; wrote %s%n",
                summary.variants(), seconds, summary.pbo() == null ? "n/a" : String.format(Locale.ROOT, "%.3f",
                        summary.pbo().pbo()), summary.dsr() == null ? "n/a" : String.format(Locale.ROOT, "%.3f",
                        summary.dsr().dsr()), out.resolve("report.html"));
    }

    /** {@code --shard i/N}; a bad value is a usage error naming the option. */
    static final class ShardConverter implements picocli.CommandLine.ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            try {
                return Shard.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
