package com.alvh.market.indicator;

import java.util.Arrays;

/** Exponential moving average in the form used by StockCharts and TA-Lib. */
public final class Ema {

    private Ema() {
    }

    /**
     * EMA aligned to the input: index {@code period - 1} holds the simple average of the first
     * {@code period} values (the seed), every later index applies the multiplier
     * {@code 2 / (period + 1)}; earlier indices are {@code NaN}.
     *
     * @param values input series, oldest first
     * @param period smoothing period, at least 1
     * @return an array of the same length as {@code values}; all {@code NaN} if it is shorter than
     *         {@code period}
     */
    public static double[] of(double[] values, int period) {
        if (period < 1) {
            throw new IllegalArgumentException("EMA period must be at least 1, was " + period);
        }
        double[] out = new double[values.length];
        Arrays.fill(out, Double.NaN);
        if (values.length < period) {
            return out;
        }
        double sum = 0;
        for (int i = 0; i < period; i++) {
            sum += values[i];
        }
        double k = 2.0 / (period + 1);
        double ema = sum / period;
        out[period - 1] = ema;
        for (int i = period; i < values.length; i++) {
            ema += (values[i] - ema) * k;
            out[i] = ema;
        }
        return out;
    }
}
