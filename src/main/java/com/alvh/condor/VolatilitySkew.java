package com.alvh.condor;

/**
 * A deliberately simple volatility smile for when leg implied vols are not supplied: SPX implied vol
 * falls roughly linearly in log-moneyness (puts below spot are dearer than calls above), so
 *
 * <pre>  vol(K) = max(0.01, atmVol − skew · ln(K / S))</pre>
 *
 * <p>With skew = 0.10, a put 5% below spot gets about half a vol point more than at the money. The floor
 * keeps far upside strikes priceable. The at-the-money vol is proxied by VIX/100 — VIX is a 30-day
 * variance-swap level, not an ATM vol, so this is an approximation good enough for risk, not for trading.
 */
public final class VolatilitySkew {

    /** Lowest volatility the proxy returns (1%), so Black-Scholes always gets a positive vol. */
    public static final double MIN_VOL = 0.01;

    private VolatilitySkew() {
    }

    /**
     * Implied volatility of one strike under the linear log-moneyness skew.
     *
     * @param atmVol at-the-money volatility as a fraction (0.18 for 18%), &ge; 0
     * @param spot   underlying level, &gt; 0
     * @param strike option strike, &gt; 0
     * @param skew   vol change per unit of log-moneyness; positive means puts are dearer
     * @return the volatility as a fraction, never below {@link #MIN_VOL}
     */
    public static double impliedVol(double atmVol, double spot, double strike, double skew) {
        if (!(atmVol >= 0.0) || Double.isInfinite(atmVol)) {
            throw new IllegalArgumentException("atmVol must be finite and >= 0, was " + atmVol);
        }
        if (!(spot > 0.0) || Double.isInfinite(spot)) {
            throw new IllegalArgumentException("spot must be finite and > 0, was " + spot);
        }
        if (!(strike > 0.0) || Double.isInfinite(strike)) {
            throw new IllegalArgumentException("strike must be finite and > 0, was " + strike);
        }
        if (!Double.isFinite(skew)) {
            throw new IllegalArgumentException("skew must be finite, was " + skew);
        }
        return Math.max(MIN_VOL, atmVol - skew * Math.log(strike / spot));
    }

    /**
     * @param vix VIX index level in vol points (e.g. 18.5)
     * @return the at-the-money volatility proxy as a fraction (vix / 100)
     */
    public static double atmVolFromVix(double vix) {
        if (!(vix >= 0.0) || Double.isInfinite(vix)) {
            throw new IllegalArgumentException("vix must be finite and >= 0, was " + vix);
        }
        return vix / 100.0;
    }
}
