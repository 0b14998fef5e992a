package com.alvh.backtest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Internal rate of return of dated cash flows (Excel's XIRR convention): the r solving
 * {@code Σ cf_i / (1 + r)^((d_i − d_0) / 365) = 0}.
 */
public final class Xirr {

    /** A signed amount on a date: negative paid in, positive paid out. */
    public record Flow(LocalDate date, double amount) {
    }

    private static final double LOWEST = -0.999;
    private static final double HIGHEST = 100;

    private Xirr() {
    }

    /** @return the rate as a fraction (0.10 = 10%), or NaN when the flows have no rate in (−99.9%, 10000%) */
    public static double of(List<Flow> flows) {
        if (flows.isEmpty()) {
            return Double.NaN;
        }
        LocalDate first = flows.get(0).date();
        org.apache.commons.math3.analysis.UnivariateFunction npv = r -> flows.stream()
                .mapToDouble(f -> f.amount() / Math.pow(1 + r, ChronoUnit.DAYS.between(first, f.date()) / 365.0)).sum();
        if (Math.signum(npv.value(LOWEST)) == Math.signum(npv.value(HIGHEST))) {
            return Double.NaN;
        }
        return new BrentSolver(1e-12, 1e-10).solve(1000, npv, LOWEST, HIGHEST);
    }
}
