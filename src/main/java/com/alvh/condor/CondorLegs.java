package com.alvh.condor;

import java.util.List;

import com.alvh.condor.pricing.OptionType;

/**
 * The four strikes of a short iron condor, in index points: a long put below a short put, and a short
 * call below a long call. The two short strikes may coincide (an iron butterfly), the wings may not.
 *
 * @param putLong   protective put strike, the lowest
 * @param putShort  sold put strike
 * @param callShort sold call strike
 * @param callLong  protective call strike, the highest
 */
public record CondorLegs(double putLong, double putShort, double callShort, double callLong) {

    /** Rejects strikes out of order, which would describe a different (and mispriced) structure. */
    public CondorLegs {
        if (!(putLong > 0.0)) {
            throw new IllegalArgumentException("putLong must be > 0, was " + putLong);
        }
        if (!Double.isFinite(callLong)) {
            throw new IllegalArgumentException("callLong must be finite, was " + callLong);
        }
        // NaN in a middle strike fails these comparisons too.
        if (!(putLong < putShort && putShort <= callShort && callShort < callLong)) {
            throw new IllegalArgumentException("strikes must satisfy putLong < putShort <= callShort < callLong, were "
                    + putLong + ", " + putShort + ", " + callShort + ", " + callLong);
        }
    }

    /**
     * The legs of ONE condor, in the order putLong, putShort, callShort, callLong.
     *
     * @return long put +1, short put −1, short call −1, long call +1
     */
    public List<Leg> legs() {
        return List.of(
                new Leg(OptionType.PUT, putLong, 1),
                new Leg(OptionType.PUT, putShort, -1),
                new Leg(OptionType.CALL, callShort, -1),
                new Leg(OptionType.CALL, callLong, 1));
    }

    /** @return the width of the wider of the two spreads, in index points — what max loss is built on */
    public double widestWing() {
        return Math.max(putShort - putLong, callLong - callShort);
    }
}
