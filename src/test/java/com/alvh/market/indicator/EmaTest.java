package com.alvh.market.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmaTest {

    // StockCharts ChartSchool, "Moving Averages - Simple and Exponential", 10-day EMA spreadsheet
    // (cs-movavg.xls): closes and the published EMA column, whose first value 22.22 is the 10-day SMA.
    private static final double[] CLOSES = {
        22.27, 22.19, 22.08, 22.17, 22.18, 22.13, 22.23, 22.43, 22.24, 22.29, 22.15, 22.39, 22.38, 22.61,
        23.36, 24.05, 23.75, 23.83, 23.95, 23.63, 23.82, 23.87, 23.65, 23.19, 23.10, 23.33, 22.68, 23.10,
        22.40, 22.17};
    private static final double[] EMA10 = {
        22.22, 22.21, 22.24, 22.27, 22.33, 22.52, 22.80, 22.97, 23.13, 23.28, 23.34, 23.43, 23.51, 23.53,
        23.47, 23.40, 23.39, 23.26, 23.23, 23.08, 22.92};

    @Test
    void reproducesStockChartsTenDayExample() {
        double[] ema = Ema.of(CLOSES, 10);
        for (int i = 0; i < 9; i++) {
            assertTrue(Double.isNaN(ema[i]));
        }
        for (int j = 0; j < EMA10.length; j++) {
            assertEquals(EMA10[j], ema[9 + j], 0.006, "bar " + (9 + j));
        }
    }

    @Test
    void isSeededWithTheSimpleAverageThenUsesTwoOverPeriodPlusOne() {
        double[] ema = Ema.of(new double[] {1, 2, 3, 10}, 3);
        assertEquals(2.0, ema[2], 1e-12);
        assertEquals(2.0 + (10 - 2.0) * 0.5, ema[3], 1e-12);
    }

    @Test
    void isAllNaNWhenShorterThanThePeriod() {
        for (double v : Ema.of(new double[] {1, 2}, 3)) {
            assertTrue(Double.isNaN(v));
        }
    }

    @Test
    void rejectsANonPositivePeriod() {
        assertThrows(IllegalArgumentException.class, () -> Ema.of(new double[] {1}, 0));
    }
}
