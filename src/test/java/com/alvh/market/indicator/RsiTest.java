package com.alvh.market.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alvh.market.InsufficientSeriesException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

import com.alvh.testing.SharedData;

class RsiTest {

    // StockCharts ChartSchool, "Relative Strength Index (RSI)", worked example spreadsheet (cs-rsi.xls):
    // closes as carried by the spreadsheet (4 decimals) and the published RSI(14) column.
    static final double[] STOCKCHARTS_CLOSES = {
        44.3389, 44.0902, 44.1497, 43.6124, 44.3278, 44.8264, 45.0955, 45.4245, 45.8433, 46.0826,
        45.8931, 46.0328, 45.6140, 46.2820, 46.2820, 46.0028, 46.0328, 46.4116, 46.2222, 45.6439,
        46.2122, 46.2521, 45.7137, 46.4515, 45.7835, 45.3548, 44.0288, 44.1783, 44.2181, 44.5672,
        43.4205, 42.6628, 43.1314};
    static final double[] STOCKCHARTS_RSI14 = {
        70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06, 62.38, 54.71, 50.42, 39.99,
        41.46, 41.87, 45.46, 37.30, 33.08, 37.77};

    @Test
    void reproducesStockChartsWorkedExample() {
        double[] rsi = Rsi.wilder(STOCKCHARTS_CLOSES, 14);
        for (int i = 0; i < 14; i++) {
            assertTrue(Double.isNaN(rsi[i]), "bar " + i + " has too few changes");
        }
        for (int j = 0; j < STOCKCHARTS_RSI14.length; j++) {
            assertEquals(STOCKCHARTS_RSI14[j], rsi[14 + j], 0.006, "bar " + (14 + j));
        }
    }

    @Test
    void lastReturnsTheFinalBar() {
        assertEquals(37.77, Rsi.last("spxClose", STOCKCHARTS_CLOSES, 14), 0.006);
    }

    @Test
    void needsOneMoreBarThanThePeriod() {
        assertEquals(15, Rsi.barsNeeded(14));
        assertEquals(70.53, Rsi.last("spxClose", Arrays.copyOf(STOCKCHARTS_CLOSES, 15), 14), 0.006);
    }

    @Test
    void rejectsATooShortSeriesNamingIt() {
        InsufficientSeriesException e = assertThrows(InsufficientSeriesException.class,
                () -> Rsi.last("spxClose", new double[10], 14));
        assertEquals("spxClose has 10 bars; RSI(14) needs 15", e.getMessage());
        assertEquals("spxClose", e.series());
        assertEquals(15, e.needed());
        assertEquals(10, e.actual());
    }

    @Test
    void isHundredWhenPricesOnlyRiseAndFiftyWhenFlat() {
        double[] rising = new double[20];
        double[] flat = new double[20];
        for (int i = 0; i < 20; i++) {
            rising[i] = 100 + i;
            flat[i] = 100;
        }
        assertEquals(100.0, Rsi.last("x", rising, 14));
        assertEquals(50.0, Rsi.last("x", flat, 14));
    }

    @Test
    void staysWithinZeroAndHundredOnRandomWalks() {
        Random random = new Random(20240618L);
        for (int run = 0; run < 200; run++) {
            double[] closes = new double[300];
            closes[0] = 100;
            for (int i = 1; i < closes.length; i++) {
                // Occasional flat runs and large jumps probe the zero-loss and zero-gain edges.
                double step = random.nextInt(10) == 0 ? 0 : random.nextGaussian() * (1 + random.nextInt(5));
                closes[i] = Math.max(0.01, closes[i - 1] + step);
            }
            assertWithinBounds(Rsi.wilder(closes, 2 + random.nextInt(30)));
        }
    }

    @Test
    void staysWithinZeroAndHundredOnSpxHistory() throws IOException {
        Path file = SharedData.file("spx-daily.csv");
        double[] closes = Files.readAllLines(file).stream()
                .skip(1)
                .map(line -> line.split(","))
                .mapToDouble(f -> Double.parseDouble(f[4]))
                .toArray();
        assertTrue(closes.length > 1000);
        assertWithinBounds(Rsi.wilder(closes, 14));
        assertWithinBounds(Rsi.wilder(closes, 2));
    }

    private static void assertWithinBounds(double[] rsi) {
        for (double v : rsi) {
            assertTrue(Double.isNaN(v) || (v >= 0 && v <= 100), "RSI out of range: " + v);
        }
    }
}
