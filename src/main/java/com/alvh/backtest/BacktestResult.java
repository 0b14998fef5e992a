package com.alvh.backtest;

import java.time.LocalDate;
import java.util.List;

/**
 * The outcome of a backtest: the simulated dates, VIX on each, and each arm's trace and metrics.
 *
 * @param rebalancingCosts the condor's rebalancing costs up to and including each day (shared by the arms, since the
 *                         condor schedule is); empty when not traced
 */
public record BacktestResult(String profile, List<LocalDate> dates, List<Double> vix, List<Arm> arms,
                             BacktestConfig config, List<Double> rebalancingCosts) {

    public BacktestResult(String profile, List<LocalDate> dates, List<Double> vix, List<Arm> arms, BacktestConfig config) {
        this(profile, dates, vix, arms, config, List.of());
    }

    /** One arm's trace, metrics and layer ledger. */
    public record Arm(ArmRun run, Metrics metrics, HedgeLedger ledger) {

        public Arm(ArmRun run, Metrics metrics) {
            this(run, metrics, HedgeLedger.EMPTY);
        }

        public String name() {
            return run.name();
        }
    }
}
