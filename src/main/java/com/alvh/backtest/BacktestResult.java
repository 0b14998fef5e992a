package com.alvh.backtest;

import java.time.LocalDate;
import java.util.List;

/**
 * The outcome of a backtest: the simulated dates, VIX on each, each arm's trace and metrics, and the condor's
 * rebalancing costs paid up to each day (cumulative; the same for every arm), from which windows are cut.
 */
public record BacktestResult(String profile, List<LocalDate> dates, List<Double> vix, List<Arm> arms,
                             BacktestConfig config, List<Double> rebalancingCosts) {

    /** One arm's trace and metrics. */
    public record Arm(ArmRun run, Metrics metrics) {
        public String name() {
            return run.name();
        }
    }
}
