package com.alvh.backtest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
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
        // Days without a flow add nothing to the sum: a backtest has thousands of them.
        List<Flow> paid = flows.stream().filter(f -> f.amount() != 0).toList();
        double[] years = paid.stream().mapToDouble(f -> ChronoUnit.DAYS.between(first, f.date()) / 365.0).toArray();
        double[] amounts = paid.stream().mapToDouble(Flow::amount).toArray();
        UnivariateFunction npv = r -> {
            double sum = 0;
            double log = Math.log1p(r);
            for (int i = 0; i < years.length; i++) {
                sum += amounts[i] * Math.exp(-years[i] * log);
            }
            return sum;
        };
        // Grid cells ordered by their distance from 0%, so the scan can stop once no nearer root can follow.
        List<double[]> cells = new ArrayList<>();
        for (double lo = -0.99; lo < 10 - 1e-9; ) {
            double hi = lo + (lo < 1 - 1e-9 ? 0.01 : 0.1);
            cells.add(new double[] {lo, hi});
            lo = hi;
        }
        cells.sort(Comparator.comparingDouble(Xirr::distanceFromZero));
        double best = Double.NaN;
        for (double[] cell : cells) {
            if (!Double.isNaN(best) && distanceFromZero(cell) > Math.abs(best)) {
                break;
            }
            double atLo = npv.value(cell[0]);
            double atHi = npv.value(cell[1]);
            if (atLo == 0 || atHi == 0) {
                double root = atLo == 0 ? cell[0] : cell[1];
                best = Double.isNaN(best) || Math.abs(root) < Math.abs(best) ? root : best;
            } else if (Math.signum(atLo) != Math.signum(atHi)) {
                double root = new BrentSolver(1e-12, 1e-12).solve(1000, npv, cell[0], cell[1]);
                best = Double.isNaN(best) || Math.abs(root) < Math.abs(best) ? root : best;
            }
        }
        return best;
    }

    private static double distanceFromZero(double[] cell) {
        return cell[0] <= 0 && cell[1] >= 0 ? 0 : Math.min(Math.abs(cell[0]), Math.abs(cell[1]));
    }
}
