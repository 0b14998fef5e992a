package com.alvh.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The reference is the JDK's own formatter: the catalogue's sentences must not change by a character. */
class SignificantDigitsTest {

    private static void sameAsTheJdk(double value) {
        assertEquals(String.format(Locale.US, "%.4g", value), SignificantDigits.format(value), () -> "value " + value);
    }

    @Test
    void writesHandPickedValuesAsPercentFourGDoes() {
        assertEquals("5.000", SignificantDigits.format(5));
        assertEquals("0.1235", SignificantDigits.format(0.12345));
        assertEquals("1.235e+04", SignificantDigits.format(12345.6));
        assertEquals("-0.000", SignificantDigits.format(-0.0));
        assertEquals("1.000e-05", SignificantDigits.format(0.00001));
    }

    @Test
    void agreesWithTheJdkOnEdgesAndRoundingBoundaries() {
        double[] edges = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
            Double.MAX_VALUE, 1e-4, 0.99995e-4, 0.000099995, 0.00009999, 9999.5, 9999.4, 9999.49, 9999.95, 0.15, 0.25, 1.0005,
            2.675, 1.2345, 1.2355, 99.995, 999.95, 0.099995, 1e-300, 1e300, 123456789, -42.4242, 30.2, 0.4, 1.05, 100};
        for (double value : edges) {
            sameAsTheJdk(value);
            sameAsTheJdk(-value);
        }
    }

    @Test
    void agreesWithTheJdkOnRandomValuesOfEveryMagnitude() {
        Random random = new Random(4);
        for (int i = 0; i < 200_000; i++) {
            double magnitude = Math.pow(10, random.nextInt(24) - 12);
            sameAsTheJdk((random.nextDouble() - 0.3) * magnitude);
            // values with few decimals, as prices and thresholds are, hit the half-up ties
            sameAsTheJdk(Math.round(random.nextDouble() * 1_000_000) / Math.pow(10, random.nextInt(9)));
        }
    }
}
