package com.alvh.research;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The deflated Sharpe ratio of Bailey and López de Prado, "The Deflated Sharpe Ratio: Correcting for Selection Bias,
 * Backtest Overfitting and Non-Normality" (Journal of Portfolio Management 40(5), 2014): the probability that the
 * true Sharpe ratio of the selected variant exceeds the Sharpe ratio the best of N trials would show by luck alone.
 *
 * <pre>
 * SR₀ = √V[SRₙ] · ((1 − γ) Φ⁻¹(1 − 1/N) + γ Φ⁻¹(1 − 1/(N e)))          γ: Euler–Mascheroni constant
 * DSR = Φ( (SR − SR₀) √(T − 1) / √(1 − γ₃ SR + (γ₄ − 1)/4 · SR²) )
 * </pre>
 * All Sharpe ratios per period (not annualised); V[SRₙ] is the variance of the trials' Sharpe ratios, T the number
 * of periods, γ₃ and γ₄ the skewness and (non-excess) kurtosis of the selected variant's returns.
 */
public final class DeflatedSharpe {

    private static final double EULER_MASCHERONI = 0.5772156649015329;
    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    /** The benchmark, the expected best Sharpe ratio, and the DSR itself. */
    public record Result(double expectedMaxSharpe, double dsr, int trials) {
    }

    private DeflatedSharpe() {
    }

    /** SR₀: the expected maximum of N trials' Sharpe ratios when none has skill; 0 for a single trial. */
    public static double expectedMaxSharpe(int trials, double sharpeVariance) {
        if (trials < 2) {
            return 0;
        }
        double g = EULER_MASCHERONI;
        return Math.sqrt(sharpeVariance) * ((1 - g) * NORMAL.inverseCumulativeProbability(1 - 1.0 / trials)
                + g * NORMAL.inverseCumulativeProbability(1 - 1.0 / (trials * Math.E)));
    }

    /** The probabilistic Sharpe ratio of {@code sharpe} against the benchmark {@code benchmark}. */
    public static double probabilistic(double sharpe, double benchmark, int periods, double skewness, double kurtosis) {
        double spread = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
        if (spread <= 0 || periods < 2) {
            return Double.NaN;
        }
        return NORMAL.cumulativeProbability((sharpe - benchmark) * Math.sqrt(periods - 1.0) / Math.sqrt(spread));
    }

    public static Result of(double sharpe, int periods, double skewness, double kurtosis, int trials, double sharpeVariance) {
        double benchmark = expectedMaxSharpe(trials, sharpeVariance);
        return new Result(benchmark, probabilistic(sharpe, benchmark, periods, skewness, kurtosis), trials);
    }
}
