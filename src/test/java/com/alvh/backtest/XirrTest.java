package com.alvh.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class XirrTest {

    private static final LocalDate DAY0 = LocalDate.of(2021, 1, 1);

    @Test
    void tenPercentWhenAThousandBecomesElevenHundredAYearLater() {
        double irr = Xirr.of(List.of(new Xirr.Flow(DAY0, -1000), new Xirr.Flow(DAY0.plusDays(365), 1100)));
        assertEquals(0.10, irr, 1e-9);
    }

    /**
     * −1000 on day 0, +500 on day 365, +600 on day 730. With x = 1/(1+r): 600x² + 500x − 1000 = 0, so
     * x = (−500 + √2 650 000) / 1200 = 0.939901716, r = 1/x − 1 = 0.0639410 (6.394%).
     */
    @Test
    void matchesAThreeFlowCaseSolvedByHand() {
        double irr = Xirr.of(List.of(new Xirr.Flow(DAY0, -1000), new Xirr.Flow(DAY0.plusDays(365), 500),
                new Xirr.Flow(DAY0.plusDays(730), 600)));
        assertEquals(0.0639410298, irr, 1e-9);
    }

    @Test
    void negativeWhenLessComesBack() {
        double irr = Xirr.of(List.of(new Xirr.Flow(DAY0, -1000), new Xirr.Flow(DAY0.plusDays(365), 800)));
        assertEquals(-0.20, irr, 1e-9);
    }

    @Test
    void noRateWhenNothingIsPaidIn() {
        assertTrue(Double.isNaN(Xirr.of(List.of(new Xirr.Flow(DAY0, 100), new Xirr.Flow(DAY0.plusDays(30), 100)))));
    }
}
