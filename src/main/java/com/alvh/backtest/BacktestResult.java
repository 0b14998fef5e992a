package com.alvh.backtest;

import java.time.LocalDate;
import java.util.List;

/** The outcome of a backtest: the simulated dates, VIX on each, and each arm's trace and metrics. */
public record BacktestResult(String profile, List<LocalDate> dates, List<Double> vix, List<Arm> arms,
                             BacktestConfig config) {

    /** One arm's trace and metrics. */
    public record Arm(ArmRun run, Metrics metrics) {
        public String name() {
            return run.name();
        }
    }
}
