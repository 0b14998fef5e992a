package com.alvh.market.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alvh.market.InsufficientSeriesException;
import com.alvh.market.indicator.Macd.Crossover;
import com.alvh.market.indicator.Macd.MacdValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MacdTest {

    /** TA-Lib's 252-bar regression close series (ta_regtest/test_data.c). */
    static double[] taLibReferenceCloses() throws IOException {
        try (InputStream in = MacdTest.class.getResourceAsStream("talib-reference-close.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("\n"))
                    .filter(line -> !line.startsWith("#"))
                    .flatMap(line -> Arrays.stream(line.split(",")))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .mapToDouble(Double::parseDouble)
                    .toArray();
        }
    }

    @Test
    void matchesTaLibRegressionValuesOnItsReferenceSeries() throws IOException {
        // TA-Lib ta_regtest/test_func/test_macd.c, "MACD - CLASSIC" 12/26/9: first output at bar 33
        // with MACD -1.9738 and signal -2.7071.
        double[] closes = taLibReferenceCloses();
        assertEquals(252, closes.length);
        double[][] lines = Macd.lines(closes, 12, 26, 9);
        assertTrue(Double.isNaN(lines[1][32]));
        assertEquals(-1.9738, lines[0][33], 5e-5);
        assertEquals(-2.7071, lines[1][33], 5e-5);
    }

    @Test
    void swapsFastAndSlowLikeTaLib() throws IOException {
        double[] closes = Arrays.copyOf(taLibReferenceCloses(), 35);
        MacdValue normal = Macd.last("spxClose", closes, 12, 26, 9);
        MacdValue inverted = Macd.last("spxClose", closes, 26, 12, 9);
        assertEquals(normal, inverted);
    }

    @Test
    void lastReportsHistogramAsMacdMinusSignal() throws IOException {
        MacdValue v = Macd.last("spxClose", taLibReferenceCloses(), 12, 26, 9);
        assertEquals(v.macd() - v.signal(), v.histogram(), 1e-12);
    }

    @Test
    void needsSlowPlusSignalBarsToKnowTheCrossover() {
        assertEquals(35, Macd.barsNeeded(12, 26, 9));
        InsufficientSeriesException e = assertThrows(InsufficientSeriesException.class,
                () -> Macd.last("spxClose", new double[34], 12, 26, 9));
        assertEquals("spxClose has 34 bars; MACD(12,26,9) needs 35", e.getMessage());
    }

    @Test
    void flagsBearishCrossoverWhenAFlatMarketTurnsDown() {
        double[] closes = new double[41];
        Arrays.fill(closes, 100);
        closes[40] = 99;
        // On the flat bars MACD equals its signal (both 0); the drop pulls MACD below it.
        assertEquals(Crossover.BEARISH, Macd.last("spxClose", closes, 12, 26, 9).crossover());
    }

    @Test
    void flagsBullishCrossoverWhenADeclineReverses() {
        // An accelerating decline keeps MACD under its lagging signal until the rebound.
        double[] closes = new double[61];
        for (int i = 0; i < 60; i++) {
            closes[i] = 200 - 0.02 * i * i;
        }
        closes[60] = closes[59] + 30;
        assertEquals(Crossover.BULLISH, Macd.last("spxClose", closes, 12, 26, 9).crossover());
    }

    @Test
    void reportsNoCrossoverWhileTheTrendContinues() {
        double[] closes = new double[60];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = 200 - 0.02 * i * i;
        }
        MacdValue v = Macd.last("spxClose", closes, 12, 26, 9);
        assertEquals(Crossover.NONE, v.crossover());
        assertTrue(v.macd() < 0);
    }

    @Test
    void crossoverAgreesWithTheHistogramSignChangeOnEveryBar() throws IOException {
        double[] closes = taLibReferenceCloses();
        for (int n = Macd.barsNeeded(12, 26, 9); n <= closes.length; n++) {
            MacdValue now = Macd.last("x", Arrays.copyOf(closes, n), 12, 26, 9);
            double[][] lines = Macd.lines(Arrays.copyOf(closes, n), 12, 26, 9);
            boolean wasAbove = lines[0][n - 2] >= lines[1][n - 2];
            boolean isAbove = now.histogram() >= 0;
            Crossover expected = wasAbove == isAbove ? Crossover.NONE
                    : isAbove ? Crossover.BULLISH : Crossover.BEARISH;
            assertEquals(expected, now.crossover(), "bar " + (n - 1));
        }
    }
}
