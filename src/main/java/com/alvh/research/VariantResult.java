package com.alvh.research;

import java.util.Map;

import com.alvh.backtest.Metrics;

/** One variant of a sweep: its parameter values and the ALVH arm's metrics on the fit and the test window. */
public record VariantResult(int id, Map<String, Object> parameters, Metrics fit, double fitSharpe, Metrics test,
                            double testSharpe) {

    /** Annualised Sharpe ratio of the daily changes of an equity curve (252 trading days a year); 0 when flat. */
    public static double sharpe(java.util.List<Double> equity) {
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
