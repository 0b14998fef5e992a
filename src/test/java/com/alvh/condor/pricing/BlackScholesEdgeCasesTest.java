package com.alvh.condor.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlackScholesEdgeCasesTest {

    @Test
    void returnsIntrinsicValueAndUnitDeltaForAnInTheMoneyOptionAtExpiry() {
        assertEquals(new OptionGreeks(50, 1, 0, 0, 0),
                BlackScholes.price(OptionType.CALL, 5050, 5000, 0, 0.05, 0.01, 0.2));
        assertEquals(new OptionGreeks(50, -1, 0, 0, 0),
                BlackScholes.price(OptionType.PUT, 4950, 5000, 0, 0.05, 0.01, 0.2));
    }

    @Test
    void returnsZeroForAnOutOfTheMoneyOrAtTheMoneyOptionAtExpiry() {
        OptionGreeks worthless = new OptionGreeks(0, 0, 0, 0, 0);
        assertEquals(worthless, BlackScholes.price(OptionType.CALL, 4950, 5000, 0, 0.05, 0, 0.2));
        assertEquals(worthless, BlackScholes.price(OptionType.PUT, 5050, 5000, 0, 0.05, 0, 0.2));
        assertEquals(worthless, BlackScholes.price(OptionType.CALL, 5000, 5000, 0, 0.05, 0, 0.2));
        assertEquals(worthless, BlackScholes.price(OptionType.PUT, 5000, 5000, 0, 0.05, 0, 0.2));
    }

    @Test
    void convertsVegaAndThetaToPerVolPointAndPerDay() {
        OptionGreeks greeks = new OptionGreeks(1, 0.5, 0.01, 12.0, -36.5);
        assertEquals(0.12, greeks.vegaPerVolPoint(), 1e-15);
        assertEquals(-0.1, greeks.thetaPerDay(), 1e-15);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsANonPositiveSpotNamingIt(double spot) {
        assertMessageNames("spot", () -> BlackScholes.price(OptionType.CALL, spot, 100, 1, 0.05, 0, 0.2));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1.0, Double.NaN})
    void rejectsANonPositiveStrikeNamingIt(double strike) {
        assertMessageNames("strike", () -> BlackScholes.price(OptionType.PUT, 100, strike, 1, 0.05, 0, 0.2));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.2, Double.NaN})
    void rejectsANonPositiveVolNamingIt(double vol) {
        assertMessageNames("vol", () -> BlackScholes.price(OptionType.CALL, 100, 100, 1, 0.05, 0, vol));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.001, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsNegativeOrUndefinedYearsNamingIt(double years) {
        assertMessageNames("years", () -> BlackScholes.price(OptionType.CALL, 100, 100, years, 0.05, 0, 0.2));
    }

    @Test
    void rejectsUndefinedRatesAndAMissingType() {
        assertMessageNames("rate", () -> BlackScholes.price(OptionType.CALL, 100, 100, 1, Double.NaN, 0, 0.2));
        assertMessageNames("dividendYield",
                () -> BlackScholes.price(OptionType.CALL, 100, 100, 1, 0.05, Double.NaN, 0.2));
        assertMessageNames("type", () -> BlackScholes.price(null, 100, 100, 1, 0.05, 0, 0.2));
    }

    private static void assertMessageNames(String argument, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().startsWith(argument + " "), e.getMessage());
    }
}
