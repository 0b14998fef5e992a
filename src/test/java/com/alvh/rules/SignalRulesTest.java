package com.alvh.rules;

import static com.alvh.rules.Outcomes.fired;
import static com.alvh.rules.Outcomes.signals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.alvh.condor.CondorPosition;
import com.alvh.condor.CondorRisk;
import com.alvh.hedge.Signal;
import com.alvh.market.Indicators;
import com.alvh.market.MarketSnapshot;
import com.alvh.market.calendar.UpcomingEvent;
import com.alvh.market.curve.TermStructure;

/** Each signal rule of the shipped set: a scenario where it fires and a near miss where it does not (balanced). */
class SignalRulesTest {

    private final RuleFixture f = new RuleFixture();

    @Test
    void quietMarketRaisesNoSignalAndHolds() {
        var outcome = f.run();
        assertEquals(java.util.List.of(), signals(outcome));
        assertEquals(java.util.List.of("Hold when nothing calls for a change"), fired(outcome));
    }

    @Test
    void breadthDivergesWhenSpxAtHighAndAdLineBelowItsHighByMoreThanThreshold() {
        f.indicators = new Indicators(55.0, 50.0, 5.0, 4.0, 1.0, "NONE", true, 2.5);
        var signal = f.run().conclusionsOf(Signal.class).findFirst().orElseThrow();
        assertEquals("BREADTH_DIVERGENCE", signal.fact().name());
        assertEquals(2.5, signal.fact().value());
        assertEquals(2.0, signal.fact().threshold());
        assertEquals("Breadth diverges while SPX sits at its high", signal.rule());
        assertEquals("signals.drl", signal.ruleFile());
    }

    @Test
    void breadthNearMissAtExactlyTheThreshold() {
        f.indicators = new Indicators(55.0, 50.0, 5.0, 4.0, 1.0, "NONE", true, 2.0);
        assertFalse(signals(f.run()).contains("BREADTH_DIVERGENCE"));
    }

    @Test
    void breadthNearMissWhenSpxIsNotAtItsHigh() {
        f.indicators = new Indicators(55.0, 50.0, 5.0, 4.0, 1.0, "NONE", false, 5.0);
        assertFalse(signals(f.run()).contains("BREADTH_DIVERGENCE"));
    }

    @Test
    void curveSteepensWhenSlopeRisesByTheThreshold() {
        f.curve = new TermStructure(1.03, 1.2, 1.1, false, 0.5, 18.5, null);
        assertTrue(signals(f.run()).contains("TERM_STRUCTURE_STEEPENING"));
    }

    @Test
    void steepeningNearMissJustUnderTheThresholdOrWithoutPreviousSlope() {
        f.curve = new TermStructure(1.03, 1.2, 1.1, false, 0.49, 18.5, null);
        assertFalse(signals(f.run()).contains("TERM_STRUCTURE_STEEPENING"));
        f.curve = new TermStructure(1.03, 1.2, 1.1, false, null, 18.5, null);
        assertFalse(signals(f.run()).contains("TERM_STRUCTURE_STEEPENING"));
    }

    @Test
    void backwardationWhenSecondVxBelowFirst() {
        f.curve = new TermStructure(0.96, 3.0, -0.8, true, null, 25.0, null);
        assertTrue(signals(f.run()).contains("BACKWARDATION"));
    }

    @Test
    void backwardationNearMissOnAFlatCurve() {
        f.curve = new TermStructure(1.0, 0.5, 0.0, false, null, 18.0, null);
        assertFalse(signals(f.run()).contains("BACKWARDATION"));
    }

    @Test
    void complacencyWhenSpxOverboughtAndVixRsiLow() {
        f.indicators = new Indicators(72.0, 30.0, 5.0, 4.0, 1.0, "NONE", false, 0.0);
        assertTrue(signals(f.run()).contains("COMPLACENCY"));
    }

    @Test
    void complacencyNearMissWhenVixRsiJustAboveLow() {
        f.indicators = new Indicators(72.0, 35.1, 5.0, 4.0, 1.0, "NONE", false, 0.0);
        assertFalse(signals(f.run()).contains("COMPLACENCY"));
    }

    @Test
    void momentumRollsOverOnBearishCrossover() {
        f.indicators = new Indicators(55.0, 50.0, -1.0, 0.5, -1.5, "BEARISH", false, 0.0);
        assertTrue(signals(f.run()).contains("MOMENTUM_ROLLOVER"));
    }

    @Test
    void momentumNearMissWhenMacdBelowSignalWithoutFreshCrossover() {
        f.indicators = new Indicators(55.0, 50.0, -1.0, 0.5, -1.5, "NONE", false, 0.0);
        assertFalse(signals(f.run()).contains("MOMENTUM_ROLLOVER"));
    }

    @Test
    void putProximityOnceSpxHasUsedTheThresholdShareOfThePutStrikesRoom() {
        double threshold = f.profile.number("proximityCushionUsedPct");
        var outcome = f.putCushionUsed(threshold).run();
        assertTrue(fired(outcome).contains("SPX has used up much of the put strike's cushion"));
        assertTrue(signals(outcome).contains("BREAKEVEN_PROXIMITY"));
        assertFalse(signals(f.putCushionUsed(threshold - 0.5).run()).contains("BREAKEVEN_PROXIMITY"));
    }

    @Test
    void aNewCondorOneSigmaFromItsBreakEvensIsNotNear() {
        // The old σ rule fired here: a 0.16-delta condor's break-evens sit about 1σ away the day it opens.
        f.risk = new CondorRisk(49, 4994.90, 5705.10, 94_900, 6.6, 6.7, 0.95, 0.98, -420, -300, 0, 0);
        f.putCushionUsed(0.0);
        assertFalse(signals(f.run()).contains("BREAKEVEN_PROXIMITY"));
    }

    @Test
    void aRallyTowardTheCallStrikeRaisesNoProximity() {
        f.cushion = new com.alvh.condor.StrikeCushion(5300.0, -60.0, 95.0);
        assertFalse(signals(f.run()).contains("BREAKEVEN_PROXIMITY"));
    }

    @Test
    void stressHasPassedOnceSpxIsBackAndTheCurveInContangoWithVixMomentumDown() {
        f.calmMarket().layer(1, LocalDate.of(2024, 9, 18), LocalDate.of(2024, 6, 3), 47);
        f.market = new com.alvh.market.MarketSnapshot(RuleFixture.AS_OF, 5346.56, 22.0);
        f.putCushionUsed(f.profile.number("stressPassedCushionUsedPct"));
        f.indicators = new Indicators(55.0, f.profile.number("stressPassedVixRsiMax"), 5.0, 4.0, 1.0, "NONE", false, 0.0);
        assertEquals(java.util.List.of("STRESS_PASSED"), signals(f.run()));
        f.indicators = new Indicators(55.0, f.profile.number("stressPassedVixRsiMax") + 0.5, 5.0, 4.0, 1.0, "NONE", false, 0.0);
        assertFalse(signals(f.run()).contains("STRESS_PASSED"));
    }

    @Test
    void stressHasNotPassedWhileSpxStillSitsDeepInThePutStrikesRoom() {
        f.calmMarket().layer(1, LocalDate.of(2024, 9, 18), LocalDate.of(2024, 6, 3), 47);
        f.putCushionUsed(f.profile.number("stressPassedCushionUsedPct") + 0.5);
        f.indicators = new Indicators(55.0, 20.0, 5.0, 4.0, 1.0, "NONE", false, 0.0);
        assertFalse(signals(f.run()).contains("STRESS_PASSED"));
    }

    @Test
    void spikePayoffOnceTheLayersAreUpTheTakeProfitShareOfTheCredit() {
        double needed = f.position.creditDollars() * f.profile.number("takeProfitPctOfCredit") / 100;
        f.layer(1, LocalDate.of(2024, 9, 18), LocalDate.of(2024, 6, 3), 47);
        f.book = new com.alvh.hedge.HedgeBook(0.25, 1, 60, com.alvh.hedge.HedgeBook.NEVER, 0, 0, needed);
        var outcome = f.run();
        assertTrue(signals(outcome).contains("SPIKE_PAYOFF"));
        f.book = new com.alvh.hedge.HedgeBook(0.25, 1, 60, com.alvh.hedge.HedgeBook.NEVER, 0, 0, needed - 1);
        assertFalse(signals(f.run()).contains("SPIKE_PAYOFF"));
    }

    @Test
    void gammaStressAtTheThresholdAndNearMissBelow() {
        f.position = new CondorPosition("IC", LocalDate.of(2024, 9, 20), 10, 5100, 60.0);
        assertTrue(signals(f.run()).contains("GAMMA_STRESS"));
        f.position = new CondorPosition("IC", LocalDate.of(2024, 9, 20), 10, 5100, 59.9);
        assertFalse(signals(f.run()).contains("GAMMA_STRESS"));
    }

    @Test
    void eventWindowForAWatchedEventTwoTradingDaysAway() {
        f.events.add(new UpcomingEvent("CPI", LocalDate.of(2024, 8, 6), 2));
        assertTrue(signals(f.run()).contains("EVENT_WINDOW"));
    }

    @Test
    void eventWindowNearMissForAnUnwatchedTypeOrAFartherEvent() {
        f.events.add(new UpcomingEvent("NFP", LocalDate.of(2024, 8, 5), 1));
        f.events.add(new UpcomingEvent("FOMC", LocalDate.of(2024, 8, 7), 3));
        assertFalse(signals(f.run()).contains("EVENT_WINDOW"));
    }

    @Test
    void costDragAboveThresholdAndNearMissAtIt() {
        f.risk = new CondorRisk(49, 4994.90, 5705.10, 94_900, 6.57, 6.71, 2.5, 2.6, -420, -300, 1300, 25.5);
        assertTrue(signals(f.run()).contains("COST_DRAG"));
        f.risk = new CondorRisk(49, 4994.90, 5705.10, 94_900, 6.57, 6.71, 2.5, 2.6, -420, -300, 1275, 25.0);
        assertFalse(signals(f.run()).contains("COST_DRAG"));
    }

    @Test
    void calmRegimeWithLowVixHealthyContangoAndNoEvent() {
        f.market = new MarketSnapshot(RuleFixture.AS_OF, 5346.56, 13.0);
        f.curve = new TermStructure(1.08, 1.0, 1.0, false, 0.0, 14.0, null);
        assertEquals(java.util.List.of("CALM_REGIME"), signals(f.run()));
    }

    @Test
    void calmRegimeNearMissWhenAnEventIsInTheWindow() {
        f.market = new MarketSnapshot(RuleFixture.AS_OF, 5346.56, 13.0);
        f.curve = new TermStructure(1.08, 1.0, 1.0, false, 0.0, 14.0, null);
        f.events.add(new UpcomingEvent("FOMC", LocalDate.of(2024, 8, 5), 1));
        assertFalse(signals(f.run()).contains("CALM_REGIME"));
    }

    @Test
    void calmRegimeNearMissWhenContangoIsThin() {
        f.market = new MarketSnapshot(RuleFixture.AS_OF, 5346.56, 13.0);
        f.curve = new TermStructure(1.03, 1.0, 1.0, false, 0.0, 14.0, null);
        assertFalse(signals(f.run()).contains("CALM_REGIME"));
    }
}
