package com.alvh.research;

import java.util.List;
import java.util.Map;

import com.alvh.backtest.Metrics;

/**
 * One variant of a sweep: its parameter values, the ALVH arm's metrics on every fold's fit and test window, and the
 * statistics of its daily P&L on the first fold's fit window for PBO and the deflated Sharpe ratio (null when not
 * measured). Only these numbers are kept, never an equity curve.
 */
public record VariantResult(int id, Map<String, Object> parameters, List<FoldResult> folds, ReturnStats fitReturns) {

    /** A variant of one fold with no return statistics. */
    public VariantResult(int id, Map<String, Object> parameters, Metrics fit, double fitSharpe, Metrics test,
                         double testSharpe) {
        this(id, parameters, List.of(new FoldResult(1, null, null, fit, fitSharpe, test, testSharpe)), null);
    }

    /** The first fold's fit metrics. */
    public Metrics fit() {
        return folds.get(0).fit();
    }

    public double fitSharpe() {
        return folds.get(0).fitSharpe();
    }

    /** The first fold's test metrics, or null without a test window. */
    public Metrics test() {
        return folds.get(0).test();
    }

    public double testSharpe() {
        return folds.get(0).testSharpe();
    }

    /** The objective on the fit windows, averaged over the folds. */
    public double fitValue(Objective objective) {
        return folds.stream().mapToDouble(f -> objective.value(f.fit(), f.fitSharpe())).average().orElse(Double.NaN);
    }

    /** The objective on the test windows, averaged over the folds; NaN without a test window. */
    public double testValue(Objective objective) {
        return folds.stream().filter(f -> f.test() != null).mapToDouble(f -> objective.value(f.test(), f.testSharpe()))
                .average().orElse(Double.NaN);
    }

    /** Whether every fold's fit window meets every constraint. */
    public boolean meets(List<Constraint> constraints) {
        return folds.stream().allMatch(f -> constraints.stream().allMatch(c -> c.holds(f.fit(), f.fitSharpe())));
    }

    /** Annualised Sharpe ratio of the daily changes of an equity curve (252 trading days a year); 0 when flat. */
    public static double sharpe(List<Double> equity) {
        int n = equity.size() - 1;
        if (n < 2) {
            return 0;
        }
        double sum = 0;
        double sumSq = 0;
        for (int i = 1; i <= n; i++) {
            double d = equity.get(i) - equity.get(i - 1);
            sum += d;
            sumSq += d * d;
        }
        double mean = sum / n;
        double sd = Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1)));
        return sd == 0 ? 0 : mean / sd * Math.sqrt(252);
    }
}
