package com.alvh.condor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The share of the short strikes' room SPX has used, worked out by hand on a 4900/5000/5600/5700 condor. */
class StrikeCushionTest {

    private static final CondorLegs LEGS = new CondorLegs(4900, 5000, 5600, 5700);
    private static final double EPS = 1e-9;

    @Test
    void measuresFromWhereTheStrikesWerePlaced() {
        // opened at 5300: 300 points of room to the put, 300 to the call
        StrikeCushion atOpen = StrikeCushion.of(LEGS, 5300, 5300);
        assertEquals(0, atOpen.putCushionUsedPct(), EPS);
        assertEquals(0, atOpen.callCushionUsedPct(), EPS);

        StrikeCushion fallen = StrikeCushion.of(LEGS, 5300, 5075);   // 225 of 300 points used
        assertEquals(75, fallen.putCushionUsedPct(), EPS);
        assertEquals(-75, fallen.callCushionUsedPct(), EPS);

        StrikeCushion through = StrikeCushion.of(LEGS, 5300, 4970);  // 330 of 300
        assertEquals(110, through.putCushionUsedPct(), EPS);
    }

    @Test
    void aPutShortAboveTheOpeningLevelCountsAsFullyUsed() {
        assertEquals(100, StrikeCushion.of(LEGS, 4990, 5100).putCushionUsedPct(), EPS);
    }
}
