package com.alvh.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.alvh.testing.ShippedRules;

class NoLookAheadTest {

    private static final int DAYS = 200;
    private static final int T = 130;

    private static BacktestResult run(MarketHistory history) {
        return Simulation.run(history, history.days().get(40).date(), history.days().get(DAYS - 1).date(),
                BacktestConfig.defaults(), ShippedRules.BALANCED, ShippedRules.RULES, line -> { });
    }

    @Test
    void decisionsUpToDayTAreUnchangedWhenEverythingAfterItChanges() {
        MarketHistory original = GeneratedMarket.history(DAYS);
        BacktestResult before = run(original);
        BacktestResult after = run(GeneratedMarket.perturbedAfter(original, T));
        LocalDate dayT = original.days().get(T).date();
        int upToT = before.dates().indexOf(dayT) + 1;
        for (int a = 0; a < 3; a++) {
            ArmRun was = before.arms().get(a).run();
            ArmRun is = after.arms().get(a).run();
            assertEquals(was.actionLog(before.dates(), upToT), is.actionLog(after.dates(), upToT), was.name());
            assertEquals(was.equity().subList(0, upToT), is.equity().subList(0, upToT), was.name());
        }
        List<String> alvh = before.arms().get(2).run().actionLog(before.dates(), upToT);
        assertFalse(alvh.isEmpty(), "the ALVH arm must have acted before day t, or the test proves nothing");
        // The perturbation is real: the unhedged equity diverges after day t.
        assertNotEquals(before.arms().get(0).run().equity().get(upToT + 5), after.arms().get(0).run().equity().get(upToT + 5));
    }
}
