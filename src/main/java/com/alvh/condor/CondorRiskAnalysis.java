package com.alvh.condor;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Derives the {@link CondorRisk} facts the hedge rules reason about. */
public final class CondorRiskAnalysis {

    private static final double DAYS_PER_YEAR = 365.0;

    private CondorRiskAnalysis() {
    }

    /**
     * Computes break-evens, max loss, distances to the break-evens, dollar vega and gamma and the weight
     * of rebalancing costs.
     *
     * <p>σ is the one-standard-deviation SPX move to expiry implied by VIX:
     * {@code σ = vix/100 · spx · √(max(dte, 1) / 365)}; on expiry day one day is used so σ stays positive.
     * Dollar gamma is the second-order P&amp;L of a 1% SPX move, {@code ½ · greeks.gamma · (0.01 · spx)²} —
     * negative for a short condor, i.e. what a 1% move in either direction costs on top of delta.
     *
     * @param legs                  the condor's strikes
     * @param credit                net credit received per share (index points), &gt; 0
     * @param contracts             number of condors, &gt; 0
     * @param asOf                  evaluation date
     * @param expiry                expiry date, not before {@code asOf}
     * @param spx                   SPX level at {@code asOf}, &gt; 0
     * @param vix                   VIX level in vol points, &gt; 0
     * @param greeks                position greeks in dollars (supplied, or from {@link CondorGreeks})
     * @param rebalancingCostsTotal rebalancing costs so far in $, &ge; 0
     * @return the risk facts
     */
    public static CondorRisk of(CondorLegs legs, double credit, int contracts, LocalDate asOf, LocalDate expiry,
                                double spx, double vix, PositionGreeks greeks, double rebalancingCostsTotal) {
        validate(legs, credit, contracts, asOf, expiry, spx, vix, greeks, rebalancingCostsTotal);
        int dte = (int) ChronoUnit.DAYS.between(asOf, expiry);
        double creditDollars = credit * CondorGreeks.SPX_MULTIPLIER * contracts;

        double breakEvenLower = legs.putShort() - credit;
        double breakEvenUpper = legs.callShort() + credit;
        double maxLoss = (legs.widestWing() - credit) * CondorGreeks.SPX_MULTIPLIER * contracts;

        double pointsToLower = spx - breakEvenLower;
        double pointsToUpper = breakEvenUpper - spx;
        double sigma = vix / 100.0 * spx * Math.sqrt(Math.max(dte, 1) / DAYS_PER_YEAR);
        double onePercentMove = 0.01 * spx;

        return new CondorRisk(dte, breakEvenLower, breakEvenUpper, maxLoss,
                pointsToLower / spx * 100.0, pointsToUpper / spx * 100.0,
                pointsToLower / sigma, pointsToUpper / sigma,
                greeks.vega(), 0.5 * greeks.gamma() * onePercentMove * onePercentMove,
                rebalancingCostsTotal, rebalancingCostsTotal / creditDollars * 100.0);
    }

    private static void validate(CondorLegs legs, double credit, int contracts, LocalDate asOf, LocalDate expiry,
                                 double spx, double vix, PositionGreeks greeks, double rebalancingCostsTotal) {
        if (legs == null || asOf == null || expiry == null || greeks == null) {
            throw new IllegalArgumentException("legs, asOf, expiry and greeks must not be null");
        }
        // A condor is opened for a credit; without one the cost ratio has no meaning.
        requirePositive("credit", credit);
        if (contracts <= 0) {
            throw new IllegalArgumentException("contracts must be > 0, was " + contracts);
        }
        if (expiry.isBefore(asOf)) {
            throw new IllegalArgumentException("expiry must not be before asOf, was " + expiry + " < " + asOf);
        }
        requirePositive("spx", spx);
        requirePositive("vix", vix);
        if (!(rebalancingCostsTotal >= 0.0) || Double.isInfinite(rebalancingCostsTotal)) {
            throw new IllegalArgumentException("rebalancingCostsTotal must be finite and >= 0, was "
                    + rebalancingCostsTotal);
        }
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + value);
        }
    }
}
