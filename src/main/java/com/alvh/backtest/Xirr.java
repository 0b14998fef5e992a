package com.alvh.backtest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Internal rate of return of dated cash flows (Excel's XIRR convention): the r solving
 * {@code Σ cf_i / (1 + r)^((d_i − d_0) / 365) = 0}. Flows that change sign many times can have several roots;
 * the one nearest 0% is returned, found by scanning a grid for sign changes and refining with Brent's method.
 */
public final class Xirr {

    /** A signed amount on a date: negative paid in, positive paid out. */
    public record Flow(LocalDate date, double amount) {
    }

    private Xirr() {
    }

    /** @return the rate as a fraction (0.10 = 10%), or NaN when the flows have no rate in (−99%, 1000%) */
    public static double of(List<Flow> flows) {
        if (flows.isEmpty()) {
            return Double.NaN;
        }
        LocalDate first = flows.get(0).date();
        double[] years = flows.stream().mapToDouble(f -> ChronoUnit.DAYS.between(first, f.date()) / 365.0).toArray();
        UnivariateFunction npv = r -> {
            double sum = 0;
            for (int i = 0; i < years.length; i++) {
                sum += flows.get(i).amount() / Math.pow(1 + r, years[i]);
            }
            return sum;
        };
        double best = Double.NaN;
        double lo = -0.99;
        double atLo = npv.value(lo);
        while (lo < 10) {
            double hi = lo + (lo < 1 ? 0.01 : 0.1);
            double atHi = npv.value(hi);
            if (atLo == 0) {
                return lo;
            }
            if (Math.signum(atLo) != Math.signum(atHi)) {
                double root = new BrentSolver(1e-12, 1e-12).solve(1000, npv, lo, hi);
                if (Double.isNaN(best) || Math.abs(root) < Math.abs(best)) {
                    best = root;
                }
            }
            lo = hi;
            atLo = atHi;
        }
        return best;
    }
}
