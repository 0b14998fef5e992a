package com.alvh.research.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.alvh.backtest.BacktestConfig;
import com.alvh.backtest.MarketHistory;
import com.alvh.backtest.Simulation;
import com.alvh.research.SweepRunner;
import com.alvh.research.SweepSpec;
import com.alvh.strategy.ProfileCatalog;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code alvh bench}: the figures of docs/benchmarks.md. Times, in one JVM, loading the shared data, compiling the
 * rules, then {@code --repeat} 20-year backtests (wall and CPU time of the thread), then optionally a sweep of
 * {@code --variants} variants over the same years on all cores, with the peak heap.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark backtests and sweeps on ../shared/data.")
public final class BenchCli implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "../shared/data", description = "shared data directory (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--from", defaultValue = "2005-06-01", description = "first day (default: ${DEFAULT-VALUE})")
    LocalDate from;

    @Option(names = "--to", defaultValue = "2025-04-04", description = "last day (default: ${DEFAULT-VALUE})")
    LocalDate to;

    @Option(names = "--repeat", defaultValue = "3", description = "backtests to time (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--variants", defaultValue = "0", description = "sweep variants to time, 0 for none (default: ${DEFAULT-VALUE})")
    int variants;

    @Override
    public Integer call() throws Exception {
        var threadMx = ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        var rules = BacktestCli.compile(Path.of("rules"));
        var profile = ProfileCatalog.load(Path.of("strategies"), ProfileCatalog.empty()).find("balanced").orElseThrow();
        long t1 = System.nanoTime();
        MarketHistory history = MarketHistory.load(data.resolve("spx-daily.csv"), data.resolve("vix-daily.csv"),
                data.resolve("vix3m-daily.csv"), List.of(data.resolve("vx-settle-2004-2025.csv")),
                List.of(data.resolve("fomc-decision-dates.csv"), data.resolve("cpi-ppi-release-dates.csv")));
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "JVM up %.1f s before main; rules compiled in %.2f s; data loaded in %.2f s; load average %.2f%n",
                ManagementFactory.getRuntimeMXBean().getUptime() / 1e3 - (t2 - t0) / 1e9, (t1 - t0) / 1e9,
                (t2 - t1) / 1e9, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int i = 1; i <= repeat; i++) {
            long w = System.nanoTime();
            long c = threadMx.getCurrentThreadCpuTime();
            var result = Simulation.run(history, from, to, BacktestConfig.defaults(), profile, rules, line -> { });
            System.out.printf(Locale.ROOT, "backtest %d: %d days, wall %.2f s, cpu %.2f s%n", i, result.dates().size(),
                    (System.nanoTime() - w) / 1e9, (threadMx.getCurrentThreadCpuTime() - c) / 1e9);
        }
        if (variants > 0) {
            List<Double> values = new ArrayList<>();
            for (int v = 0; v < variants; v++) {
                values.add(0.5 + v * (1.5 / variants));
            }
            Path sweepFile = Files.createTempFile("alvh-bench", ".yaml");
            Files.writeString(sweepFile, "profile: balanced\nparameters:\n  proximitySigma: " + values + "\nfit: {from: "
                    + from + ", to: " + to + "}\n");
            Path out = Files.createTempDirectory("alvh-bench-sweep");
            long w = System.nanoTime();
            var summary = SweepRunner.run(SweepSpec.read(sweepFile), history, profile, rules, BacktestConfig.defaults(),
                    Runtime.getRuntime().availableProcessors(), out, (done, total) -> { });
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf(Locale.ROOT, "sweep: %d variants x %s..%s on %d threads, wall %.1f s, peak heap %d MB, PBO %.3f%n",
                    summary.variants(), from, to, Runtime.getRuntime().availableProcessors(), (System.nanoTime() - w) / 1e9,
                    peak / (1024 * 1024), summary.pbo() == null ? Double.NaN : summary.pbo().pbo());
        }
        return 0;
    }
}
