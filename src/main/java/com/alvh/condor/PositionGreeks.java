package com.alvh.condor;

/**
 * Greeks of a whole position in dollars, with the SPX multiplier and the number of contracts applied.
 *
 * @param delta $ P&amp;L per 1 SPX point rise
 * @param gamma change of {@code delta} ($ per point) per 1 SPX point rise
 * @param theta $ P&amp;L per calendar day passing, all else equal
 * @param vega  $ P&amp;L per 1 vol point (0.01) rise of every leg's implied vol
 */
public record PositionGreeks(double delta, double gamma, double theta, double vega) {

    /** A position with no exposure. */
    public static final PositionGreeks ZERO = new PositionGreeks(0, 0, 0, 0);

    /** @return the sum of this position and {@code other} — greeks are additive across legs */
    public PositionGreeks plus(PositionGreeks other) {
        return new PositionGreeks(delta + other.delta, gamma + other.gamma,
                theta + other.theta, vega + other.vega);
    }
}
