package com.alvh.research;

import java.util.ArrayList;
import java.util.List;

/**
 * Probability of backtest overfitting by combinatorially symmetric cross-validation (CSCV), after Bailey, Borwein,
 * López de Prado and Zhu, "The Probability of Backtest Overfitting" (J. Computational Finance, 2017).
 *
 * <p>The T×N matrix of per-period returns (N variants) is cut into S equal blocks of consecutive periods. For each of
 * the C(S, S/2) ways to pick half the blocks as in-sample (the rest out-of-sample), the variant with the best
 * in-sample Sharpe ratio is found, and its out-of-sample Sharpe is ranked among all N: relative rank
 * ω = rank / (N + 1) (rank 1 = worst), logit λ = ln(ω / (1 − ω)). PBO is the share of splits with λ ≤ 0, i.e. where
 * the in-sample winner is at or below the out-of-sample median.
 */
public final class Pbo {

    /** PBO and the logits it came from. */
    public record Result(double pbo, int splits, List<Double> logits) {
    }

    private Pbo() {
    }

    /**
     * @param returns returns[variant][period], all of the same length
     * @param blocks  S, even, at least 2, and at most the number of periods
     */
    public static Result of(double[][] returns, int blocks) {
        if (returns.length < 2) {
            throw new IllegalArgumentException("PBO needs at least 2 variants, got " + returns.length);
        }
        Blocks[] stats = new Blocks[returns.length];
        for (int v = 0; v < returns.length; v++) {
            stats[v] = Blocks.of(returns[v], blocks);
        }
        return of(stats);
    }

    /**
     * The same from each variant's per-block sums, which is all CSCV needs: a sweep keeps S × 3 numbers per variant
     * instead of its daily series, and shards of a sweep can be merged into the PBO of the whole.
     */
    public static Result of(Blocks[] variants) {
        int n = variants.length;
        if (n < 2) {
            throw new IllegalArgumentException("PBO needs at least 2 variants, got " + n);
        }
        int blocks = variants[0].sum().length;
        for (Blocks b : variants) {
            if (b.sum().length != blocks || b.count() != variants[0].count()) {
                throw new IllegalArgumentException("PBO needs every variant cut into the same blocks");
            }
        }
        List<Double> logits = new ArrayList<>();
        int overfit = 0;
        for (int mask = 0; mask < (1 << blocks); mask++) {
            if (Integer.bitCount(mask) != blocks / 2) {
                continue;
            }
            double[] inSample = new double[n];
            double[] outOfSample = new double[n];
            for (int v = 0; v < n; v++) {
                inSample[v] = variants[v].sharpe(mask, true);
                outOfSample[v] = variants[v].sharpe(mask, false);
            }
            int best = 0;
            for (int v = 1; v < n; v++) {
                if (inSample[v] > inSample[best]) {
                    best = v;
                }
            }
            // Rank 1 is the worst out-of-sample; ties share the average rank.
            double below = 0;
            double equal = 0;
            for (int v = 0; v < n; v++) {
                if (outOfSample[v] < outOfSample[best]) {
                    below++;
                } else if (outOfSample[v] == outOfSample[best]) {
                    equal++;
                }
            }
            double rank = below + (equal + 1) / 2;
            double omega = rank / (n + 1);
            double logit = Math.log(omega / (1 - omega));
            logits.add(logit);
            if (logit <= 0) {
                overfit++;
            }
        }
        return new Result((double) overfit / logits.size(), logits.size(), List.copyOf(logits));
    }

    /**
     * One variant's returns cut into S equal blocks of consecutive periods (the last t mod S periods dropped, so
     * that every block has the same length): per block the sum and the sum of squares, and the periods per block.
     */
    public record Blocks(double[] sum, double[] sumSq, int count) {

        public static Blocks of(double[] r, int blocks) {
            if (blocks < 2 || blocks % 2 != 0) {
                throw new IllegalArgumentException("the number of blocks must be even and at least 2, got " + blocks);
            }
            if (r.length < blocks) {
                throw new IllegalArgumentException(r.length + " periods cannot be cut into " + blocks + " blocks");
            }
            int size = r.length / blocks;
            double[] sum = new double[blocks];
            double[] sumSq = new double[blocks];
            for (int b = 0; b < blocks; b++) {
                for (int i = b * size; i < (b + 1) * size; i++) {
                    sum[b] += r[i];
                    sumSq[b] += r[i] * r[i];
                }
            }
            return new Blocks(sum, sumSq, size);
        }

        /** Mean over standard deviation of the periods in (or out of) the blocks set in {@code mask}; 0 when flat. */
        double sharpe(int mask, boolean in) {
            double s = 0;
            double sq = 0;
            int n = 0;
            for (int b = 0; b < sum.length; b++) {
                if (((mask >> b) & 1) == (in ? 1 : 0)) {
                    s += sum[b];
                    sq += sumSq[b];
                    n += count;
                }
            }
            double mean = s / n;
            double variance = sq / n - mean * mean;
            return variance <= 1e-18 ? (mean == 0 ? 0 : Math.signum(mean) * Double.MAX_VALUE) : mean / Math.sqrt(variance);
        }
    }
}
