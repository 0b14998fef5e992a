package com.alvh.market.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermStructureAnalysisTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 3);

    // Days to expiry from 2024-06-03: 15, 44 and 79; an already expired May contract is mixed in.
    private static final List<FuturePoint> CONTANGO = List.of(
            new FuturePoint(LocalDate.of(2024, 8, 21), 15.2),
            new FuturePoint(LocalDate.of(2024, 5, 22), 12.0),
            new FuturePoint(LocalDate.of(2024, 6, 18), 13.0),
            new FuturePoint(LocalDate.of(2024, 7, 17), 14.5));

    @Test
    void describesAContangoCurve() {
        TermStructure ts = TermStructureAnalysis.of(AS_OF, 12.0, CONTANGO, 0.5, 15.0);
        assertEquals(14.5 / 13.0, ts.contangoRatio(), 1e-12);
        assertEquals(1.0, ts.frontBasis(), 1e-12);
        assertFalse(ts.inverted());
        // By hand: mean x = 46, mean y = 14.2333; Sxy = 69.6, Sxx = 2054; slope per day = 69.6 / 2054.
        assertEquals(69.6 / 2054 * 30, ts.slope(), 1e-9);
        assertEquals(69.6 / 2054 * 30 - 0.5, ts.slopeChange(), 1e-9);
        // 30 days lies between 15 (13.0) and 44 (14.5): 13.0 + 1.5 * 15/29.
        assertEquals(13.0 + 1.5 * 15 / 29, ts.constantMaturity30(), 1e-12);
        assertEquals(0.8, ts.vixToVix3m(), 1e-12);
    }

    @Test
    void flagsAnInvertedCurve() {
        List<FuturePoint> backwardation = List.of(
                new FuturePoint(LocalDate.of(2024, 6, 18), 30.0),
                new FuturePoint(LocalDate.of(2024, 7, 17), 27.0));
        TermStructure ts = TermStructureAnalysis.of(AS_OF, 35.0, backwardation, null, null);
        assertTrue(ts.inverted());
        assertEquals(0.9, ts.contangoRatio(), 1e-12);
        assertEquals(-5.0, ts.frontBasis(), 1e-12);
        // Two points: slope is the chord, -3 points over 29 days.
        assertEquals(-3.0 / 29 * 30, ts.slope(), 1e-9);
    }

    @Test
    void leavesOptionalFactsNullWhenTheirInputsAreMissing() {
        TermStructure ts = TermStructureAnalysis.of(AS_OF, 12.0, CONTANGO, null, null);
        assertNull(ts.slopeChange());
        assertNull(ts.vixToVix3m());
    }

    @Test
    void holdsTheNearestPriceWhenThirtyDaysIsNotBracketed() {
        TermStructure allFar = TermStructureAnalysis.of(LocalDate.of(2024, 6, 18).minusDays(40), 12.0,
                List.of(new FuturePoint(LocalDate.of(2024, 6, 18), 13.0),
                        new FuturePoint(LocalDate.of(2024, 7, 17), 14.5)), null, null);
        assertEquals(13.0, allFar.constantMaturity30());
        TermStructure allNear = TermStructureAnalysis.of(LocalDate.of(2024, 7, 10), 12.0,
                List.of(new FuturePoint(LocalDate.of(2024, 7, 17), 13.0),
                        new FuturePoint(LocalDate.of(2024, 7, 31), 14.0)), null, null);
        assertEquals(14.0, allNear.constantMaturity30());
    }

    @Test
    void keepsAContractExpiringOnTheDayItself() {
        TermStructure ts = TermStructureAnalysis.of(LocalDate.of(2024, 6, 18), 12.0, CONTANGO, null, null);
        assertEquals(1.0, ts.frontBasis(), 1e-12);
    }

    @Test
    void requiresTwoLiveContractsNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TermStructureAnalysis.of(LocalDate.of(2024, 7, 18), 12.0, CONTANGO, null, null));
        assertTrue(e.getMessage().contains("market.vixFutures"), e.getMessage());
    }
}
