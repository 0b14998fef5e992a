package com.alvh.research;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.alvh.backtest.Metrics;
/**
 * Turns the finished variants of a sweep (one run, or the merged shards of one) into its results: the ranking by the
 * fit windows, the walk-forward pick of each fold, PBO and the deflated Sharpe ratio over every variant tried, written
 * as {@code results.csv} (a row per variant and fold, in rank order), {@code results.json} and {@code report.html}.
 * The variants are taken in id order, so the same variants give the same results however they were run.
 */
public final class SweepResults {

    /** The variant ranked best on one fold's fit window, and how it did on that fold's test window. */
    public record FoldPick(int fold, SweepSpec.Window fit, SweepSpec.Window test, int variant,
                           Map<String, Object> parameters, double fitObjective, double testObjective, Metrics testMetrics) {
    }

    /** What a sweep found. */
    public record Summary(List<Ranking.Ranked> ranking, Pbo.Result pbo, int variants, DeflatedSharpe.Result dsr,
                          List<FoldPick> walkForward) {
    }

    private SweepResults() {
    }

    public static Summary finish(SweepSpec spec, List<VariantResult> finished, Path out) throws IOException {
        List<VariantResult> variants = new ArrayList<>(finished);
        variants.sort(Comparator.comparingInt(VariantResult::id));
        List<Ranking.Ranked> ranking = Ranking.rank(variants, spec.objective(), spec.constraints());
        List<ReturnStats> stats = variants.stream().map(VariantResult::fitReturns).toList();
        boolean measured = !stats.isEmpty() && stats.stream().allMatch(s -> s != null && s.blocks() != null);
        Pbo.Result pbo = measured && variants.size() >= 2
                ? Pbo.of(stats.stream().map(ReturnStats::blocks).toArray(Pbo.Blocks[]::new)) : null;
        double sharpeVariance = variance(stats.stream().filter(s -> s != null).mapToDouble(ReturnStats::sharpe).toArray());
        DeflatedSharpe.Result dsr = null;
        if (!ranking.isEmpty() && ranking.get(0).variant().fitReturns() != null) {
            ReturnStats best = ranking.get(0).variant().fitReturns();
            dsr = DeflatedSharpe.of(best.sharpe(), best.periods(), best.skewness(), best.kurtosis(), variants.size(),
                    sharpeVariance);
        }
        List<FoldPick> picks = picks(spec, variants);
        Summary summary = new Summary(ranking, pbo, variants.size(), dsr, picks);
        SweepTables.writeCsv(spec, ranking, sharpeVariance, out.resolve("results.csv"));
        SweepTables.writeJson(spec, summary, sharpeVariance, out.resolve("results.json"));
        Files.writeString(out.resolve("report.html"), SweepPage.render(spec, summary));
        return summary;
    }

    /** For each fold, the feasible variant with the best objective on that fold's fit window (ties: lowest id). */
    static List<FoldPick> picks(SweepSpec spec, List<VariantResult> variants) {
        List<FoldPick> picks = new ArrayList<>();
        List<WalkForward.Fold> folds = spec.folds();
        for (int k = 0; k < folds.size(); k++) {
            int fold = k;
            VariantResult best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (VariantResult v : variants) {
                FoldResult f = v.folds().get(fold);
                boolean feasible = spec.constraints().stream().allMatch(c -> c.holds(f.fit(), f.fitSharpe()));
                double score = spec.objective().score(f.fit(), f.fitSharpe());
                if (feasible && (best == null || score > bestScore)) {
                    best = v;
                    bestScore = score;
                }
            }
            if (best != null) {
                FoldResult f = best.folds().get(fold);
                picks.add(new FoldPick(fold + 1, folds.get(k).fit(), folds.get(k).test(), best.id(), best.parameters(),
                        spec.objective().value(f.fit(), f.fitSharpe()),
                        f.test() == null ? Double.NaN : spec.objective().value(f.test(), f.testSharpe()), f.test()));
            }
        }
        return picks;
    }

    /** Sample variance of the trials' Sharpe ratios; 0 for fewer than two. */
    static double variance(double[] x) {
        if (x.length < 2) {
            return 0;
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return ss / (x.length - 1);
    }

    /** The DSR of one variant, had it been the one selected out of all the trials. */
    static double dsr(VariantResult v, int trials, double sharpeVariance) {
        ReturnStats s = v.fitReturns();
        return s == null ? Double.NaN
                : DeflatedSharpe.of(s.sharpe(), s.periods(), s.skewness(), s.kurtosis(), trials, sharpeVariance).dsr();
    }

}
