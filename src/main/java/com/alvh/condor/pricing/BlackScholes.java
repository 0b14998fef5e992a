package com.alvh.condor.pricing;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Black-Scholes-Merton pricing of European options on an underlying paying a continuous dividend
 * yield — the standard model for SPX, whose dividends are many and small enough to be treated as a yield.
 */
public final class BlackScholes {

    // The random generator this creates is never used: only the CDF and density are read, which are
    // pure functions, so one shared instance is safe across threads.
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0.0, 1.0);

    private BlackScholes() {
    }

    /**
     * Prices one option and its greeks (units as documented on {@link OptionGreeks}).
     *
     * <p>At {@code years == 0} the option is at expiry: the result is its intrinsic value, delta is
     * 1 (call) or −1 (put) when strictly in the money and 0 otherwise, and gamma, vega and theta are 0.
     *
     * @param type          call or put
     * @param spot          underlying price, &gt; 0
     * @param strike        strike price, &gt; 0
     * @param years         time to expiry in years, &ge; 0
     * @param rate          continuously compounded risk-free rate, e.g. 0.05 for 5%
     * @param dividendYield continuously compounded dividend yield, e.g. 0.015 for 1.5%
     * @param vol           annualised volatility, &gt; 0, e.g. 0.20 for 20%
     * @return price and greeks of one option on one unit of underlying
     * @throws IllegalArgumentException naming the first argument that is out of range
     */
    public static OptionGreeks price(OptionType type, double spot, double strike, double years,
                                     double rate, double dividendYield, double vol) {
        validate(type, spot, strike, years, rate, dividendYield, vol);
        if (years == 0.0) {
            return atExpiry(type, spot, strike);
        }
        double sqrtT = Math.sqrt(years);
        double d1 = (Math.log(spot / strike) + (rate - dividendYield + 0.5 * vol * vol) * years) / (vol * sqrtT);
        double d2 = d1 - vol * sqrtT;
        double spotDiscount = Math.exp(-dividendYield * years);
        double strikeDiscount = Math.exp(-rate * years);
        double density = STANDARD_NORMAL.density(d1);

        // Gamma, vega and the time-decay of the volatility term are the same for calls and puts.
        double gamma = spotDiscount * density / (spot * vol * sqrtT);
        double vega = spot * spotDiscount * density * sqrtT;
        double volDecay = -spot * spotDiscount * density * vol / (2.0 * sqrtT);

        if (type == OptionType.CALL) {
            double nd1 = cdf(d1);
            double nd2 = cdf(d2);
            double price = spot * spotDiscount * nd1 - strike * strikeDiscount * nd2;
            double theta = volDecay + dividendYield * spot * spotDiscount * nd1 - rate * strike * strikeDiscount * nd2;
            return new OptionGreeks(price, spotDiscount * nd1, gamma, vega, theta);
        }
        double nMinusD1 = cdf(-d1);
        double nMinusD2 = cdf(-d2);
        double price = strike * strikeDiscount * nMinusD2 - spot * spotDiscount * nMinusD1;
        double theta = volDecay - dividendYield * spot * spotDiscount * nMinusD1 + rate * strike * strikeDiscount * nMinusD2;
        return new OptionGreeks(price, -spotDiscount * nMinusD1, gamma, vega, theta);
    }

    private static OptionGreeks atExpiry(OptionType type, double spot, double strike) {
        if (type == OptionType.CALL) {
            return spot > strike
                    ? new OptionGreeks(spot - strike, 1.0, 0.0, 0.0, 0.0)
                    : new OptionGreeks(0.0, 0.0, 0.0, 0.0, 0.0);
        }
        return spot < strike
                ? new OptionGreeks(strike - spot, -1.0, 0.0, 0.0, 0.0)
                : new OptionGreeks(0.0, 0.0, 0.0, 0.0, 0.0);
    }

    private static double cdf(double x) {
        return STANDARD_NORMAL.cumulativeProbability(x);
    }

    private static void validate(OptionType type, double spot, double strike, double years,
                                 double rate, double dividendYield, double vol) {
        if (type == null) {
            throw new IllegalArgumentException("type must not be null");
        }
        requirePositive("spot", spot);
        requirePositive("strike", strike);
        // NaN fails every comparison, so "!(x >= 0)" rejects it along with negatives.
        if (!(years >= 0.0) || Double.isInfinite(years)) {
            throw new IllegalArgumentException("years must be finite and >= 0, was " + years);
        }
        requireFinite("rate", rate);
        requireFinite("dividendYield", dividendYield);
        requirePositive("vol", vol);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + value);
        }
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, was " + value);
        }
    }
}
