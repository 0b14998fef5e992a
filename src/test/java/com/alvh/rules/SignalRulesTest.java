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
    void putBreakEvenProximityWithinOneSigma() {
        f.risk = new CondorRisk(49, 4994.90, 5705.10, 94_900, 1.5, 12.0, 0.95, 4.0, -420, -300, 0, 0);
        var outcome = f.run();
        assertTrue(fired(outcome).contains("SPX is near the put break-even"));
        assertTrue(signals(outcome).contains("BREAKEVEN_PROXIMITY"));
    }

    @Test
    void callBreakEvenProximityWithinOneSigmaAndNearMissJustOutside() {
        f.risk = new CondorRisk(49, 4994.90, 5705.10, 94_900, 12.0, 1.5, 4.0, 1.0, -420, -300, 0, 0);
        assertTrue(fired(f.run()).contains("SPX is near the call break-even"));
        f.risk = new CondorRisk(49, 4994.90, 5705.10, 94_900, 12.0, 1.6, 4.0, 1.01, -420, -300, 0, 0);
        assertFalse(signals(f.run()).contains("BREAKEVEN_PROXIMITY"));
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
