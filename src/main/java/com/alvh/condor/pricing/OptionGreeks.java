package com.alvh.condor.pricing;

/**
 * Price and sensitivities of ONE European option on ONE unit of underlying (no contract multiplier).
 *
 * <p>Units follow the textbook convention so results compare directly with published tables:
 * <ul>
 *   <li>{@code price} — in units of the underlying's price (index points for SPX);</li>
 *   <li>{@code delta} — change of price per 1.00 change of spot;</li>
 *   <li>{@code gamma} — change of delta per 1.00 change of spot;</li>
 *   <li>{@code vega} — change of price per 1.00 change of volatility, i.e. per 100 vol points
 *       (see {@link #vegaPerVolPoint()} for the per-point figure traders quote);</li>
 *   <li>{@code theta} — change of price per YEAR of passing time, usually negative for a long option
 *       (see {@link #thetaPerDay()}).</li>
 * </ul>
 *
 * @param price option value
 * @param delta sensitivity to spot
 * @param gamma sensitivity of delta to spot
 * @param vega  sensitivity to volatility, per 1.00 (100 vol points)
 * @param theta sensitivity to time, per year
 */
public record OptionGreeks(double price, double delta, double gamma, double vega, double theta) {

    /** Days in the year used to turn annual theta into a calendar-day figure. */
    public static final double DAYS_PER_YEAR = 365.0;

    /** @return change of price for a 1 vol point (0.01) rise in volatility */
    public double vegaPerVolPoint() {
        return vega / 100.0;
    }

    /** @return change of price over one calendar day (theta / 365) */
    public double thetaPerDay() {
        return theta / DAYS_PER_YEAR;
    }
}
