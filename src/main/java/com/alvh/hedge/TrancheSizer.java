package com.alvh.hedge;

/**
 * Sizes a tranche: a full hedge is {@code |condor vega $/vol pt| ÷ (multiplier × β)} contracts and a tranche is
 * that times the increment and the scale factors. Mini VX (a tenth of a VX) is used when allowed and whole VX
 * contracts would miss the target by more than a tenth; at least one contract is always traded.
 */
public final class TrancheSizer {

    private static final double TOLERATED_ROUNDING = 0.10;

    /** A sized tranche. */
    public record Size(Instrument instrument, int contracts, double targetVxContracts) {
    }

    private TrancheSizer() {
    }

    public static Size size(double condorVegaDollars, double beta, double increment, double scale, boolean miniAllowed) {
        double fullHedge = Math.abs(condorVegaDollars) / (Instrument.VX.multiplier() * beta);
        double target = fullHedge * increment * scale;
        long wholeVx = Math.round(target);
        boolean vxIsCloseEnough = wholeVx >= 1 && Math.abs(wholeVx - target) <= TOLERATED_ROUNDING * target;
        if (vxIsCloseEnough || !miniAllowed) {
            return new Size(Instrument.VX, (int) Math.max(1, wholeVx), target);
        }
        double perMini = (double) Instrument.VXM.multiplier() / Instrument.VX.multiplier();
        return new Size(Instrument.VXM, (int) Math.max(1, Math.round(target / perMini)), target);
    }
}
