package com.alvh.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.alvh.testing.ShippedRules;

class CondorBookTest {

    private static final LocalDate DAY0 = LocalDate.of(2024, 8, 5);
    private final BacktestConfig config = BacktestConfig.defaults();

    private CondorBook opened() {
        CondorBook book = new CondorBook(config, new CondorPricer(ShippedRules.BALANCED.profile()));
        book.step(MarketDay.of(DAY0, 5000, 18, null));
        return book;
    }

    @Test
    void opensTenCondorsWithFiftyPointWingsAndPaysCommissionOnFourLegs() {
        CondorBook book = opened();
        OpenCondor condor = book.condor();
        assertEquals(50, condor.legs().putShort() - condor.legs().putLong());
        assertEquals(50, condor.legs().callLong() - condor.legs().callShort());
        assertTrue(condor.legs().putShort() < 5000 && condor.legs().callShort() > 5000);
        // 4 legs × 10 contracts × ($1.00 + 0.05 × $100) = $240.
        assertEquals(240, book.rebalancingCosts(), 1e-9);
        assertEquals(-240, book.realisedPnl(), 1e-9);
    }

    @Test
    void reopensTheTestedSideAndRecordsItsLossAsARebalancingCost() {
        CondorBook book = opened();
        OpenCondor before = book.condor();
        double crash = before.legs().putShort() - 40;
        book.step(MarketDay.of(DAY0.plusDays(3), crash, 30, null));
        OpenCondor after = book.condor();
        assertEquals(before.id(), after.id());
        assertTrue(after.legs().putShort() < crash, "the new short put is below the market");
        assertEquals(before.legs().callShort(), after.legs().callShort());
        double adjustment = after.costs().stream().filter(c -> c.kind().equals("ADJUSTMENT"))
                .mapToDouble(OpenCondor.CondorCost::amount).sum();
        assertTrue(adjustment > 0);
        assertEquals(240 + adjustment + 240, book.rebalancingCosts(), 1e-6);
    }

    @Test
    void closesAtTwentyOneDaysToExpiryAndOpensTheNextCondor() {
        CondorBook book = opened();
        OpenCondor first = book.condor();
        LocalDate late = first.expiry().minusDays(21);
        book.step(MarketDay.of(late, 5000, 18, null));
        assertNotEquals(first.id(), book.condor().id());
        assertTrue(book.condor().expiry().isAfter(first.expiry()));
    }
}
