package com.alvh.market.curve;

/**
 * Shape of the VIX futures curve on one day.
 *
 * @param contangoRatio      VX2 / VX1; above 1 in contango
 * @param frontBasis         VX1 − spot VIX, in vol points
 * @param slope              least-squares slope of price against calendar days to expiry, in vol points
 *                           per 30 calendar days
 * @param inverted           VX1 &gt; VX2 (backwardation at the front)
 * @param slopeChange        slope − previous slope, or {@code null} when no previous slope was given
 * @param constantMaturity30 price interpolated at 30 calendar days to expiry, or {@code null}
 * @param vixToVix3m         VIX / VIX3M, or {@code null} when VIX3M was not given
 */
public record TermStructure(double contangoRatio, double frontBasis, double slope, boolean inverted,
        Double slopeChange, Double constantMaturity30, Double vixToVix3m) {
}
