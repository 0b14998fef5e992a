package com.alvh.market.indicator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alvh.market.InsufficientSeriesException;
import com.alvh.market.indicator.Breadth.Divergence;
import org.junit.jupiter.api.Test;

class BreadthTest {

    @Test
    void advanceDeclineLineIsTheRunningNetAdvances() {
        double[] line = Breadth.advanceDeclineLine(new double[] {300, 100, 250}, new double[] {200, 400, 250});
        assertArrayEquals(new double[] {100, -200, -200}, line);
    }

    @Test
    void rejectsSeriesOfDifferentLengths() {
        assertThrows(IllegalArgumentException.class,
                () -> Breadth.advanceDeclineLine(new double[] {1, 2}, new double[] {1}));
    }

    @Test
    void flagsBearishDivergenceWhenSpxMakesANewHighOnWeakerBreadth() {
        double[] spx = {100, 101, 102, 101, 103};
        double[] ad = {900, 1000, 950, 900, 880};
        Divergence d = Breadth.bearish(spx, ad, 5, 10.0);
        assertTrue(d.spxAtHigh());
        assertEquals(12.0, d.adLineBelowHighPct(), 1e-9);
        assertTrue(d.bearish());
    }

    @Test
    void staysQuietWhenBreadthIsWithinTheThreshold() {
        Divergence d = Breadth.bearish(new double[] {100, 101, 103}, new double[] {1000, 1000, 950}, 3, 10.0);
        assertTrue(d.spxAtHigh());
        assertEquals(5.0, d.adLineBelowHighPct(), 1e-9);
        assertFalse(d.bearish());
    }

    @Test
    void staysQuietWhenSpxIsBelowItsHigh() {
        Divergence d = Breadth.bearish(new double[] {100, 105, 103}, new double[] {1000, 900, 500}, 3, 10.0);
        assertFalse(d.spxAtHigh());
        assertEquals(50.0, d.adLineBelowHighPct(), 1e-9);
        assertFalse(d.bearish());
    }

    @Test
    void onlyLooksAtTheLookbackWindow() {
        // The higher SPX close and A/D peak on bar 0 are outside a 3-bar window.
        Divergence d = Breadth.bearish(new double[] {200, 100, 101, 102}, new double[] {5000, 100, 100, 100}, 3, 1.0);
        assertTrue(d.spxAtHigh());
        assertEquals(0.0, d.adLineBelowHighPct(), 1e-9);
        assertFalse(d.bearish());
    }

    @Test
    void measuresDistanceAgainstTheAbsoluteMaximumWhenTheLineIsNegative() {
        Divergence d = Breadth.bearish(new double[] {1, 2, 3}, new double[] {-100, -105, -110}, 3, 5.0);
        assertEquals(10.0, d.adLineBelowHighPct(), 1e-9);
        assertTrue(d.bearish());
    }

    @Test
    void usesTheLinesLargestMagnitudeWhenTheMaximumIsZero() {
        Divergence d = Breadth.bearish(new double[] {1, 2, 3}, new double[] {-50, 0, -20}, 3, 5.0);
        assertEquals(40.0, d.adLineBelowHighPct(), 1e-9);
        Divergence allZero = Breadth.bearish(new double[] {1, 2, 3}, new double[] {0, 0, 0}, 3, 5.0);
        assertEquals(0.0, allZero.adLineBelowHighPct());
        assertFalse(allZero.bearish());
    }

    @Test
    void rejectsSeriesShorterThanTheLookback() {
        InsufficientSeriesException e = assertThrows(InsufficientSeriesException.class,
                () -> Breadth.bearish(new double[20], new double[5], 10, 5.0));
        assertEquals("adLine", e.series());
        assertEquals(10, e.needed());
    }
}
