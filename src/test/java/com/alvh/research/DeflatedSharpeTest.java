package com.alvh.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeflatedSharpeTest {

    /**
     * The numerical example of Bailey and López de Prado (2014), "The Deflated Sharpe Ratio", section "A numerical
     * example": after N = 100 trials the best variant shows an annualised Sharpe ratio of 2.5 over five years of daily
     * returns (T = 1250, 250 a year), the trials' annualised Sharpe ratios have variance 1/2, and the returns have
     * skewness −3 and kurtosis 10. The paper finds the expected maximum SR₀ ≈ 0.1132 per day and DSR ≈ 0.9004: the
     * variant is not significant at 95% although its plain Sharpe ratio looks excellent.
     */
    @Test
    void matchesThePublishedNumericalExample() {
        double daily = 2.5 / Math.sqrt(250);
        double variance = 0.5 / 250;
        DeflatedSharpe.Result r = DeflatedSharpe.of(daily, 1250, -3, 10, 100, variance);
        assertEquals(0.1132, r.expectedMaxSharpe(), 5e-5);
        assertEquals(0.9004, r.dsr(), 5e-4);
    }

    @Test
    void moreTrialsRaiseTheBarAndOneTrialIsThePlainProbabilisticSharpe() {
        double daily = 0.08;
        double few = DeflatedSharpe.of(daily, 1000, 0, 3, 10, 0.001).dsr();
        double many = DeflatedSharpe.of(daily, 1000, 0, 3, 10_000, 0.001).dsr();
        assertTrue(many < few, few + " vs " + many);
        // One trial: SR₀ = 0; for normal returns (γ₃ = 0, γ₄ = 3) z = SR √(T − 1) / √(1 + SR²/2).
        double z = daily * Math.sqrt(999) / Math.sqrt(1 + daily * daily / 2);
        assertEquals(new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(z),
                DeflatedSharpe.of(daily, 1000, 0, 3, 1, 0.001).dsr(), 1e-12);
    }

    @Test
    void momentsOfAKnownSeries() {
        // 1, 2, 3, 4: mean 2.5, population variance 1.25, skewness 0, kurtosis 1.64 (= 2.5625 / 1.5625).
        ReturnStats s = ReturnStats.of(new double[] {1, 2, 3, 4}, 2);
        assertEquals(2.5 / Math.sqrt(1.25), s.sharpe(), 1e-12);
        assertEquals(0, s.skewness(), 1e-12);
        assertEquals(1.64, s.kurtosis(), 1e-12);
        assertEquals(4, s.periods());
    }
}
