package com.alvh.market.curve;

/** Stub matching the market-analytics contract; replaced by that branch on merge. */
public record TermStructure(double contangoRatio, double frontBasis, double slope, boolean inverted, Double slopeChange,
                            Double constantMaturity30, Double vixToVix3m) {
}
