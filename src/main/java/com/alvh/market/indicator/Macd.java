package com.alvh.market.indicator;

import com.alvh.market.InsufficientSeriesException;
import java.util.Arrays;

/**
 * Moving Average Convergence/Divergence, following TA-Lib's {@code TA_MACD} convention.
 *
 * <p>TA-Lib seeds both EMAs so that the fast and the slow EMA start aligned at bar {@code slow - 1}:
 * the slow EMA is seeded with the simple average of bars {@code 0..slow-1}, the fast EMA with the
 * simple average of the {@code fast} bars ending at {@code slow - 1}. The MACD line starts there,
 * and the signal EMA is seeded with the simple average of the first {@code signal} MACD values, so
 * the first complete value sits at bar {@code slow + signal - 2}. As in TA-Lib, a fast period larger
 * than the slow one is swapped. This differs from charting packages that run the fast EMA from bar
 * 0; the two converge after a few dozen bars.
 */
public final class Macd {

    /** State of the MACD line relative to its signal line on the last bar. */
    public enum Crossover {
        /** MACD went from below the signal to at or above it on the last bar. */
        BULLISH,
        /** MACD went from at or above the signal to below it on the last bar. */
        BEARISH,
        /** No crossing on the last bar. */
        NONE
    }

    /** MACD of the last bar; {@code histogram = macd - signal}. */
    public record MacdValue(double macd, double signal, double histogram, Crossover crossover) {
    }

    private Macd() {
    }

    /**
     * Bars needed by {@link #last}: {@code slow + signal - 1} for the first complete value plus one
     * previous bar, because the crossover state compares the last two bars.
     */
    public static int barsNeeded(int fast, int slow, int signal) {
        return Math.max(fast, slow) + signal;
    }

    /**
     * MACD, signal, histogram and crossover state of the last bar.
     *
     * @param seriesName name of the input, used in the error message
     * @throws InsufficientSeriesException when fewer than {@link #barsNeeded} closes are given
     */
    public static MacdValue last(String seriesName, double[] closes, int fast, int slow, int signal) {
        if (fast < 1 || slow < 1 || signal < 1 || fast == slow) {
            throw new IllegalArgumentException(
                    "MACD periods must be positive and fast != slow: " + fast + "," + slow + "," + signal);
        }
        InsufficientSeriesException.require(seriesName, label(fast, slow, signal),
                barsNeeded(fast, slow, signal), closes.length);
        double[][] lines = lines(closes, fast, slow, signal);
        double[] macd = lines[0];
        double[] sig = lines[1];
        int n = closes.length - 1;
        Crossover crossover = Crossover.NONE;
        if (macd[n - 1] >= sig[n - 1] && macd[n] < sig[n]) {
            crossover = Crossover.BEARISH;
        } else if (macd[n - 1] < sig[n - 1] && macd[n] >= sig[n]) {
            crossover = Crossover.BULLISH;
        }
        return new MacdValue(macd[n], sig[n], macd[n] - sig[n], crossover);
    }

    /** MACD and signal lines aligned to {@code closes}, {@code NaN} where undefined. */
    static double[][] lines(double[] closes, int fast, int slow, int signal) {
        int shortP = Math.min(fast, slow);
        int longP = Math.max(fast, slow);
        int start = longP - 1;
        double[] macd = new double[closes.length];
        double[] sig = new double[closes.length];
        Arrays.fill(macd, Double.NaN);
        Arrays.fill(sig, Double.NaN);
        if (closes.length <= start) {
            return new double[][] {macd, sig};
        }
        double[] slowEma = Ema.of(closes, longP);
        // Starting the fast EMA's input later is what aligns its seed with the slow EMA's.
        int fastOffset = start - (shortP - 1);
        double[] fastEma = Ema.of(Arrays.copyOfRange(closes, fastOffset, closes.length), shortP);
        double[] macdFromStart = new double[closes.length - start];
        for (int i = start; i < closes.length; i++) {
            macd[i] = fastEma[i - fastOffset] - slowEma[i];
            macdFromStart[i - start] = macd[i];
        }
        double[] signalFromStart = Ema.of(macdFromStart, signal);
        System.arraycopy(signalFromStart, 0, sig, start, signalFromStart.length);
        return new double[][] {macd, sig};
    }

    private static String label(int fast, int slow, int signal) {
        return "MACD(" + fast + "," + slow + "," + signal + ")";
    }
}
