package com.alvh.market.indicator;

import com.alvh.market.InsufficientSeriesException;
import java.util.Arrays;

/**
 * Wilder's Relative Strength Index.
 *
 * <p>The first average gain and loss are the simple averages of the first {@code period} close-to-close
 * changes; after that each average is smoothed as {@code (previous * (period - 1) + current) / period}.
 * This is the convention of Wilder (1978), StockCharts and TA-Lib's default mode.
 */
public final class Rsi {

    private Rsi() {
    }

    /** Bars needed for one RSI value: {@code period} changes need {@code period + 1} closes. */
    public static int barsNeeded(int period) {
        return period + 1;
    }

    /**
     * RSI for every bar, aligned to {@code closes}; {@code NaN} for the first {@code period} bars.
     *
     * <p>When the average loss is zero the RSI is 100, or 50 when the average gain is zero too
     * (a flat series has no momentum either way, and 50 keeps it away from both thresholds).
     */
    public static double[] wilder(double[] closes, int period) {
        if (period < 1) {
            throw new IllegalArgumentException("RSI period must be at least 1, was " + period);
        }
        double[] out = new double[closes.length];
        Arrays.fill(out, Double.NaN);
        if (closes.length < barsNeeded(period)) {
            return out;
        }
        double gain = 0;
        double loss = 0;
        for (int i = 1; i <= period; i++) {
            double change = closes[i] - closes[i - 1];
            gain += Math.max(change, 0);
            loss += Math.max(-change, 0);
        }
        gain /= period;
        loss /= period;
        out[period] = value(gain, loss);
        for (int i = period + 1; i < closes.length; i++) {
            double change = closes[i] - closes[i - 1];
            gain = (gain * (period - 1) + Math.max(change, 0)) / period;
            loss = (loss * (period - 1) + Math.max(-change, 0)) / period;
            out[i] = value(gain, loss);
        }
        return out;
    }

    /**
     * RSI of the last bar.
     *
     * @param seriesName name of the input, used in the error message
     * @throws InsufficientSeriesException when fewer than {@link #barsNeeded(int)} closes are given
     */
    public static double last(String seriesName, double[] closes, int period) {
        InsufficientSeriesException.require(seriesName, "RSI(" + period + ")", barsNeeded(period),
                closes.length);
        double[] all = wilder(closes, period);
        return all[all.length - 1];
    }

    private static double value(double avgGain, double avgLoss) {
        if (avgLoss == 0) {
            return avgGain == 0 ? 50.0 : 100.0;
        }
        return 100.0 - 100.0 / (1.0 + avgGain / avgLoss);
    }
}
