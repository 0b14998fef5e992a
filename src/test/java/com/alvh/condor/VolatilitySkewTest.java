package com.alvh.condor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VolatilitySkewTest {

    @Test
    void returnsTheAtmVolAtTheMoney() {
        assertEquals(0.18, VolatilitySkew.impliedVol(0.18, 5300, 5300, 0.10), 1e-15);
    }

    @Test
    void makesDownsidePutsDearerThanUpsideCalls() {
        double put = VolatilitySkew.impliedVol(0.18, 5300, 5000, 0.10);
        double call = VolatilitySkew.impliedVol(0.18, 5300, 5600, 0.10);

        // By hand: 0.18 - 0.10 * ln(5000/5300) = 0.18 + 0.10 * 0.0582689 = 0.1858269
        assertEquals(0.1858269, put, 1e-7);
        assertTrue(put > 0.18 && call < 0.18);
    }

    @Test
    void floorsTheVolAtOnePercentForFarUpsideStrikes() {
        assertEquals(VolatilitySkew.MIN_VOL, VolatilitySkew.impliedVol(0.05, 5000, 20000, 0.5), 0.0);
    }

    @Test
    void readsTheAtmVolFromVixAsAFraction() {
        assertEquals(0.185, VolatilitySkew.atmVolFromVix(18.5), 1e-15);
    }

    @Test
    void rejectsANonPositiveSpotOrStrike() {
        assertThrows(IllegalArgumentException.class, () -> VolatilitySkew.impliedVol(0.2, 0, 5000, 0.1));
        assertThrows(IllegalArgumentException.class, () -> VolatilitySkew.impliedVol(0.2, 5000, -5, 0.1));
        assertThrows(IllegalArgumentException.class, () -> VolatilitySkew.atmVolFromVix(-1));
    }
}
