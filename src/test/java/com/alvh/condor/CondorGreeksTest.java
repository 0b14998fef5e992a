package com.alvh.condor;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alvh.condor.pricing.BlackScholes;
import com.alvh.condor.pricing.OptionGreeks;
import com.alvh.condor.pricing.OptionType;
import org.junit.jupiter.api.Test;

class CondorGreeksTest {

    private static final CondorLegs CONDOR = new CondorLegs(4900, 5000, 5700, 5800);
    private static final double YEARS = 30.0 / 365;
    private static final double RATE = 0.045;
    private static final double DIVIDEND_YIELD = 0.013;

    @Test
    void shortCondorNearTheMiddleIsShortVegaAndGammaAndEarnsTheta() {
        PositionGreeks greeks = CondorGreeks.fromVixProxy(CONDOR, 10, 5350, YEARS, RATE, DIVIDEND_YIELD, 15, 0.10);

        assertAll(
                () -> assertTrue(greeks.vega() < 0, "vega " + greeks.vega()),
                () -> assertTrue(greeks.gamma() < 0, "gamma " + greeks.gamma()),
                () -> assertTrue(greeks.theta() > 0, "theta " + greeks.theta()));
    }

    @Test
    void sumsSignedLegGreeksScaledByMultiplierAndContracts() {
        double[] vols = {0.22, 0.20, 0.14, 0.13};
        PositionGreeks position = CondorGreeks.fromLegVols(CONDOR, 3, 5350, YEARS, RATE, DIVIDEND_YIELD, vols);

        OptionGreeks pl = BlackScholes.price(OptionType.PUT, 5350, 4900, YEARS, RATE, DIVIDEND_YIELD, 0.22);
        OptionGreeks ps = BlackScholes.price(OptionType.PUT, 5350, 5000, YEARS, RATE, DIVIDEND_YIELD, 0.20);
        OptionGreeks cs = BlackScholes.price(OptionType.CALL, 5350, 5700, YEARS, RATE, DIVIDEND_YIELD, 0.14);
        OptionGreeks cl = BlackScholes.price(OptionType.CALL, 5350, 5800, YEARS, RATE, DIVIDEND_YIELD, 0.13);
        double scale = 3 * 100;

        assertAll(
                () -> assertEquals((pl.delta() - ps.delta() - cs.delta() + cl.delta()) * scale, position.delta(), 1e-9),
                () -> assertEquals((pl.gamma() - ps.gamma() - cs.gamma() + cl.gamma()) * scale, position.gamma(), 1e-12),
                () -> assertEquals((pl.theta() - ps.theta() - cs.theta() + cl.theta()) / 365 * scale,
                        position.theta(), 1e-9),
                () -> assertEquals((pl.vega() - ps.vega() - cs.vega() + cl.vega()) / 100 * scale,
                        position.vega(), 1e-9));
    }

    @Test
    void vixProxyWithoutSkewPricesEveryLegAtVixOverHundred() {
        PositionGreeks proxy = CondorGreeks.fromVixProxy(CONDOR, 5, 5350, YEARS, RATE, DIVIDEND_YIELD, 18, 0.0);
        PositionGreeks flat = CondorGreeks.fromLegVols(CONDOR, 5, 5350, YEARS, RATE, DIVIDEND_YIELD,
                new double[] {0.18, 0.18, 0.18, 0.18});

        assertEquals(flat, proxy);
    }

    @Test
    void hasNoGreeksAtExpiryBetweenTheShortStrikes() {
        PositionGreeks greeks = CondorGreeks.fromVixProxy(CONDOR, 10, 5350, 0, RATE, DIVIDEND_YIELD, 15, 0.1);

        assertEquals(0.0, Math.abs(greeks.delta()) + Math.abs(greeks.gamma())
                + Math.abs(greeks.theta()) + Math.abs(greeks.vega()), 0.0);
    }

    @Test
    void rejectsAWrongNumberOfLegVolsOrNoContracts() {
        assertThrows(IllegalArgumentException.class,
                () -> CondorGreeks.fromLegVols(CONDOR, 1, 5350, YEARS, RATE, DIVIDEND_YIELD, new double[] {0.2, 0.2}));
        assertThrows(IllegalArgumentException.class,
                () -> CondorGreeks.fromVixProxy(CONDOR, 0, 5350, YEARS, RATE, DIVIDEND_YIELD, 15, 0.1));
    }
}
