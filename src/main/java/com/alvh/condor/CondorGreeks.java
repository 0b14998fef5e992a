package com.alvh.condor;

import java.util.List;

import com.alvh.condor.pricing.BlackScholes;
import com.alvh.condor.pricing.OptionGreeks;

/**
 * Dollar greeks of an iron condor position, computed leg by leg with Black-Scholes-Merton — used when
 * the broker's greeks are not supplied with the condor state.
 */
public final class CondorGreeks {

    /** SPX index options: $100 per index point per contract. */
    public static final int SPX_MULTIPLIER = 100;

    private CondorGreeks() {
    }

    /**
     * Greeks from one implied volatility per leg.
     *
     * @param legs          the condor's strikes
     * @param contracts     number of condors held, &gt; 0
     * @param spot          SPX level
     * @param years         time to expiry in years, &ge; 0
     * @param rate          continuously compounded risk-free rate (0.05 for 5%)
     * @param dividendYield continuous SPX dividend yield (0.013 for 1.3%)
     * @param legVols       four implied vols as fractions, in the order putLong, putShort, callShort, callLong
     * @return position greeks in dollars (units on {@link PositionGreeks})
     */
    public static PositionGreeks fromLegVols(CondorLegs legs, int contracts, double spot, double years,
                                             double rate, double dividendYield, double[] legVols) {
        if (legs == null) {
            throw new IllegalArgumentException("legs must not be null");
        }
        if (contracts <= 0) {
            throw new IllegalArgumentException("contracts must be > 0, was " + contracts);
        }
        if (legVols == null || legVols.length != 4) {
            throw new IllegalArgumentException("legVols must hold 4 vols (putLong, putShort, callShort, callLong)");
        }
        List<Leg> legList = legs.legs();
        PositionGreeks total = PositionGreeks.ZERO;
        for (int i = 0; i < legList.size(); i++) {
            Leg leg = legList.get(i);
            OptionGreeks one = BlackScholes.price(leg.type(), spot, leg.strike(), years, rate, dividendYield, legVols[i]);
            double scale = (double) leg.quantity() * contracts * SPX_MULTIPLIER;
            total = total.plus(new PositionGreeks(one.delta() * scale, one.gamma() * scale,
                    one.thetaPerDay() * scale, one.vegaPerVolPoint() * scale));
        }
        return total;
    }

    /**
     * Greeks with leg vols proxied from VIX through {@link VolatilitySkew}: ATM vol = vix/100, tilted by
     * {@code skew} per unit of log-moneyness.
     *
     * @param vix  VIX level in vol points (e.g. 18.5)
     * @param skew vol change per unit of log-moneyness; 0 prices every leg at vix/100
     * @return position greeks in dollars (units on {@link PositionGreeks})
     * @see #fromLegVols(CondorLegs, int, double, double, double, double, double[])
     */
    public static PositionGreeks fromVixProxy(CondorLegs legs, int contracts, double spot, double years,
                                              double rate, double dividendYield, double vix, double skew) {
        if (legs == null) {
            throw new IllegalArgumentException("legs must not be null");
        }
        double atmVol = VolatilitySkew.atmVolFromVix(vix);
        double[] legVols = legs.legs().stream()
                .mapToDouble(leg -> VolatilitySkew.impliedVol(atmVol, spot, leg.strike(), skew))
                .toArray();
        return fromLegVols(legs, contracts, spot, years, rate, dividendYield, legVols);
    }
}
