package com.alvh.market.curve;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/** Derives {@link TermStructure} facts from a list of VX futures quotes. */
public final class TermStructureAnalysis {

    /** Horizon of the constant-maturity price and unit of the slope: VIX itself is a 30-day measure. */
    static final int HORIZON_DAYS = 30;

    private TermStructureAnalysis() {
    }

    /**
     * Term-structure facts as of {@code asOf}.
     *
     * <p>The curve is sorted by expiry and contracts that expired before {@code asOf} are ignored (a
     * contract expiring on {@code asOf} counts, at 0 days). VX1 and VX2 are the two nearest remaining
     * contracts. The slope is the least-squares slope of price on calendar days to expiry, multiplied
     * by 30 so that it reads as vol points per month of maturity. The 30-day constant-maturity price
     * interpolates linearly in days between the two contracts bracketing 30 days, and is flat at the
     * nearest contract when 30 days is outside the listed maturities.
     *
     * @param vix           spot VIX
     * @param curve         VX quotes in any order
     * @param previousSlope the previous day's {@link TermStructure#slope()}, or {@code null}
     * @param vix3m         spot VIX3M, or {@code null}
     * @throws IllegalArgumentException naming {@code market.vixFutures} when fewer than two contracts
     *                                  remain
     */
    public static TermStructure of(LocalDate asOf, double vix, List<FuturePoint> curve,
            Double previousSlope, Double vix3m) {
        List<FuturePoint> live = curve.stream()
                .filter(p -> !p.expiry().isBefore(asOf))
                .sorted(Comparator.comparing(FuturePoint::expiry))
                .toList();
        if (live.size() < 2) {
            throw new IllegalArgumentException("market.vixFutures needs at least 2 contracts expiring on or after "
                    + asOf + ", got " + live.size());
        }
        double vx1 = live.get(0).price();
        double vx2 = live.get(1).price();

        SimpleRegression regression = new SimpleRegression();
        for (FuturePoint p : live) {
            regression.addData(daysTo(asOf, p), p.price());
        }
        // Two contracts with the same expiry leave the slope undefined; treat that as a flat curve.
        double slope = Double.isNaN(regression.getSlope()) ? 0.0 : regression.getSlope() * HORIZON_DAYS;

        return new TermStructure(
                vx2 / vx1,
                vx1 - vix,
                slope,
                vx1 > vx2,
                previousSlope == null ? null : slope - previousSlope,
                constantMaturity(asOf, live),
                vix3m == null ? null : vix / vix3m);
    }

    private static Double constantMaturity(LocalDate asOf, List<FuturePoint> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        FuturePoint first = sorted.get(0);
        if (daysTo(asOf, first) >= HORIZON_DAYS) {
            return first.price();
        }
        for (int i = 1; i < sorted.size(); i++) {
            FuturePoint before = sorted.get(i - 1);
            FuturePoint after = sorted.get(i);
            long d0 = daysTo(asOf, before);
            long d1 = daysTo(asOf, after);
            if (d1 >= HORIZON_DAYS) {
                if (d1 == d0) {
                    return after.price();
                }
                double w = (double) (HORIZON_DAYS - d0) / (d1 - d0);
                return before.price() + w * (after.price() - before.price());
            }
        }
        return sorted.get(sorted.size() - 1).price();
    }

    private static long daysTo(LocalDate asOf, FuturePoint p) {
        return ChronoUnit.DAYS.between(asOf, p.expiry());
    }
}
