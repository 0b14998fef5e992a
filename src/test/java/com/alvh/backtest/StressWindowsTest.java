package com.alvh.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.alvh.backtest.report.StressWindows;

/** The stress-window table on a five-day run whose figures are worked out by hand. */
class StressWindowsTest {

    private static final double EPS = 1e-9;

    @Test
    void cutsTheWindowFromTheCloseBeforeIt() {
        // 2011-07-29 is before the 2011-08 window, so changes inside it are measured from that close.
        List<LocalDate> dates = List.of(LocalDate.of(2011, 7, 28), LocalDate.of(2011, 7, 29), LocalDate.of(2011, 8, 1),
                LocalDate.of(2011, 8, 2), LocalDate.of(2011, 8, 3));
        BacktestResult result = new BacktestResult("balanced", dates, List.of(20.0, 21.0, 25.0, 30.0, 28.0),
                List.of(arm("unhedged", 0, 100, 50, -200, -100), arm("alvh", 0, 100, 80, 0, 150)),
                BacktestConfig.defaults(), List.of(10.0, 20.0, 20.0, 320.0, 420.0));

        List<StressWindows.Row> rows = StressWindows.of(result);

        assertEquals(StressWindows.WINDOWS.size(), rows.size(), "every window of issue 12 has a row");
        assertEquals(1, rows.stream().filter(StressWindows.Row::covered).count(), "only 2011-08 is inside the run");
        StressWindows.Row w = rows.stream().filter(StressWindows.Row::covered).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2011, 8, 1), w.window().from());
        assertEquals(3, w.days());
        assertEquals(420 - 20, w.rebalancingCosts(), EPS);
        // unhedged: 100 → 50 → −200 → −100: P&L −200, deepest fall 300 from the 100 before the window
        StressWindows.ArmStress unhedged = w.arms().get(0);
        assertEquals("unhedged", unhedged.arm());
        assertEquals(-200, unhedged.pnl(), EPS);
        assertEquals(300, unhedged.drawdown(), EPS);
        assertEquals(0, unhedged.hedgePnl(), EPS);
        // alvh: 100 → 80 → 0 → 150: P&L +50, drawdown 100, hedge P&L 50 − (−200) = 250, coverage 250 / 400
        StressWindows.ArmStress alvh = w.arms().get(1);
        assertEquals(50, alvh.pnl(), EPS);
        assertEquals(100, alvh.drawdown(), EPS);
        assertEquals(250, alvh.hedgePnl(), EPS);
        assertEquals(0.625, alvh.coverage(), EPS);
    }

    private static BacktestResult.Arm arm(String name, double... equity) {
        ArmRun run = ArmRun.start(name);
        for (double e : equity) {
            run.add(e, e, new HedgePolicy.DayActions(new ArrayList<>(), 0));
        }
        return new BacktestResult.Arm(run, new Metrics(0, 0, 0, 0, 0, 0, 0, 0, Map.of(), 0, 0));
    }
}
