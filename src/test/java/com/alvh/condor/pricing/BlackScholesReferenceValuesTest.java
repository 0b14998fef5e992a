package com.alvh.condor.pricing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Black-Scholes-Merton against figures published in J. C. Hull, "Options, Futures, and Other Derivatives".
 * Tolerances are half a unit of the last digit Hull prints, since his figures are rounded.
 */
class BlackScholesReferenceValuesTest {

    @Test
    void matchesHullExample15_6CallAndPutPrices() {
        // Hull, Example 15.6: S=42, K=40, r=10%, sigma=20%, T=0.5 -> c = 4.76, p = 0.81.
        OptionGreeks call = BlackScholes.price(OptionType.CALL, 42, 40, 0.5, 0.10, 0.0, 0.20);
        OptionGreeks put = BlackScholes.price(OptionType.PUT, 42, 40, 0.5, 0.10, 0.0, 0.20);

        assertEquals(4.76, call.price(), 0.005);
        assertEquals(0.81, put.price(), 0.005);
    }

    @Test
    void matchesHullGreekLettersExampleForACall() {
        // Hull, chapter "The Greek Letters", running example: S=49, K=50, r=5%, sigma=20%,
        // T=20 weeks=0.3846 -> delta 0.522, gamma 0.066, vega 12.1 (per 1.00 of vol), theta -4.31 per year.
        OptionGreeks call = BlackScholes.price(OptionType.CALL, 49, 50, 0.3846, 0.05, 0.0, 0.20);

        assertAll(
                () -> assertEquals(0.522, call.delta(), 0.0005),
                () -> assertEquals(0.066, call.gamma(), 0.0005),
                () -> assertEquals(12.1, call.vega(), 0.05),
                () -> assertEquals(0.121, call.vegaPerVolPoint(), 0.0005),
                () -> assertEquals(-4.31, call.theta(), 0.005),
                // Hull quotes the same theta as -0.0118 per calendar day.
                () -> assertEquals(-0.0118, call.thetaPerDay(), 0.00005));
    }

    @Test
    void matchesHullIndexOptionWithContinuousDividendYield() {
        // Hull, chapter "Options on Stock Indices and Currencies": index 930, K=900, r=8%, q=3%,
        // sigma=20%, T=2 months -> c = 51.83.
        OptionGreeks call = BlackScholes.price(OptionType.CALL, 930, 900, 2.0 / 12.0, 0.08, 0.03, 0.20);

        assertEquals(51.83, call.price(), 0.005);
    }
}
