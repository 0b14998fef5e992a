package com.alvh.research;

/**
 * What the overfitting checks need from one variant's daily P&L on the fit window, so the series itself can be
 * dropped: its length, per-period Sharpe ratio, skewness and (non-excess) kurtosis for the deflated Sharpe ratio, and
 * the CSCV block sums for PBO.
 *
 * @param sharpe   mean ÷ standard deviation (population) of the daily P&L, not annualised; 0 when flat
 * @param skewness third standardised moment (0 for a normal distribution)
 * @param kurtosis fourth standardised moment (3 for a normal distribution)
 */
public record ReturnStats(int periods, double sharpe, double skewness, double kurtosis, Pbo.Blocks blocks) {

    public static ReturnStats of(double[] r, int pboBlocks) {
        int n = r.length;
        double mean = 0;
        for (double x : r) {
            mean += x;
        }
        mean /= n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double x : r) {
            double d = x - mean;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
        }
        m2 /= n;
        m3 /= n;
        m4 /= n;
        boolean flat = m2 <= 1e-18;
        return new ReturnStats(n, flat ? 0 : mean / Math.sqrt(m2), flat ? 0 : m3 / Math.pow(m2, 1.5),
                flat ? 3 : m4 / (m2 * m2), n >= pboBlocks ? Pbo.Blocks.of(r, pboBlocks) : null);
    }
}
