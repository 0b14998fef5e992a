package com.alvh.market.indicator;

import com.alvh.market.InsufficientSeriesException;

/** Market breadth: the advance/decline line and its bearish divergence from SPX. */
public final class Breadth {

    /**
     * Result of a divergence check.
     *
     * @param spxAtHigh          SPX's last close is the highest close of the window
     * @param adLineBelowHighPct how far the A/D line's last value sits below its window maximum, in
     *                           percent of {@code |max|} (0 when it is at its maximum)
     * @param bearish            SPX at its high while the A/D line is more than the threshold below its own
     */
    public record Divergence(boolean spxAtHigh, double adLineBelowHighPct, boolean bearish) {
    }

    private Breadth() {
    }

    /** Cumulative sum of {@code advances[i] - declines[i]}, aligned to the inputs. */
    public static double[] advanceDeclineLine(double[] advances, double[] declines) {
        if (advances.length != declines.length) {
            throw new IllegalArgumentException("advances has " + advances.length
                    + " values but declines has " + declines.length);
        }
        double[] line = new double[advances.length];
        double sum = 0;
        for (int i = 0; i < advances.length; i++) {
            sum += advances[i] - declines[i];
            line[i] = sum;
        }
        return line;
    }

    /**
     * Bearish breadth divergence over the last {@code lookbackDays} bars of both series.
     *
     * <p>The A/D line is a running sum whose level depends on where it started, so it can be negative
     * or cross zero; the distance below the high is therefore measured against {@code |max|}. When
     * the window maximum is exactly 0 that base is useless, so the largest absolute value in the window
     * is used instead (the line's own scale); a window of zeros gives 0 %.
     *
     * @throws InsufficientSeriesException when either series is shorter than {@code lookbackDays}
     */
    public static Divergence bearish(double[] spxCloses, double[] adLine, int lookbackDays,
            double thresholdPct) {
        return bearish("spxCloses", spxCloses, "adLine", adLine, lookbackDays, thresholdPct);
    }

    /**
     * As {@link #bearish(double[], double[], int, double)}, naming the two series in the exception as the caller
     * knows them (like {@link Rsi#last} and {@link Macd#last} do).
     */
    public static Divergence bearish(String spxName, double[] spxCloses, String adName, double[] adLine,
            int lookbackDays, double thresholdPct) {
        if (lookbackDays < 1) {
            throw new IllegalArgumentException("lookbackDays must be at least 1, was " + lookbackDays);
        }
        String label = "breadth divergence(" + lookbackDays + ")";
        InsufficientSeriesException.require(spxName, label, lookbackDays, spxCloses.length);
        InsufficientSeriesException.require(adName, label, lookbackDays, adLine.length);

        double spxLast = spxCloses[spxCloses.length - 1];
        boolean spxAtHigh = spxLast >= max(spxCloses, lookbackDays);

        double adLast = adLine[adLine.length - 1];
        double adMax = max(adLine, lookbackDays);
        double base = adMax != 0 ? Math.abs(adMax) : maxAbs(adLine, lookbackDays);
        double belowPct = base == 0 ? 0.0 : (adMax - adLast) / base * 100.0;
        return new Divergence(spxAtHigh, belowPct, spxAtHigh && belowPct > thresholdPct);
    }

    private static double max(double[] series, int window) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = series.length - window; i < series.length; i++) {
            max = Math.max(max, series[i]);
        }
        return max;
    }

    private static double maxAbs(double[] series, int window) {
        double max = 0;
        for (int i = series.length - window; i < series.length; i++) {
            max = Math.max(max, Math.abs(series[i]));
        }
        return max;
    }
}
