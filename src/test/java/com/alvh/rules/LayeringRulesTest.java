package com.alvh.rules;

import static com.alvh.rules.Outcomes.fired;
import static com.alvh.rules.Outcomes.holds;
import static com.alvh.rules.Outcomes.proposals;
import static com.alvh.rules.Outcomes.rolls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.alvh.hedge.Direction;
import com.alvh.hedge.HoldNote;
import com.alvh.hedge.Proposal;
import com.alvh.hedge.RollProposal;
import com.alvh.market.Indicators;

/** Each layering rule of the shipped set: a scenario where it fires and a near miss where it does not (balanced). */
class LayeringRulesTest {

    private static final LocalDate LONG_AGO = RuleFixture.AS_OF.minusDays(40);
    private static final LocalDate SEP_VX = LocalDate.of(2024, 9, 18);

    private final RuleFixture f = new RuleFixture();

    @Test
    void addsATrancheWhenBreadthDivergesOnSteepeningCurve() {
        var outcome = f.breadthDiverges().curveSteepens().run();
        var proposal = outcome.conclusionsOf(Proposal.class).findFirst().orElseThrow();
        assertEquals("Add a tranche when breadth diverges on a steepening curve", proposal.rule());
        assertEquals("layering.drl", proposal.ruleFile());
        assertEquals(new Proposal(Direction.ADD, 1, List.of("BREADTH_DIVERGENCE", "TERM_STRUCTURE_STEEPENING"),
                "Breadth divergence on a steepening VX curve calls for one more tranche"), proposal.fact());
        assertEquals(1, proposals(outcome).size());
    }

    @Test
    void breadthDivergenceAloneAddsNothing() {
        var outcome = f.breadthDiverges().run();
        assertEquals(List.of(), proposals(outcome));
        assertFalse(fired(outcome).contains("Add a tranche when breadth diverges on a steepening curve"));
    }

    @Test
    void steepeningAloneAddsNothing() {
        assertEquals(List.of(), proposals(f.curveSteepens().run()));
    }

    @Test
    void addsATrancheAheadOfAMacroEventInTheWindow() {
        var outcome = f.eventInTradingDays(2).run();
        var proposal = outcome.conclusionsOf(Proposal.class).findFirst().orElseThrow();
        assertEquals("Add a tranche ahead of a macro event", proposal.rule());
        assertEquals(new Proposal(Direction.ADD, 1, List.of("EVENT_WINDOW"),
                "A watched macro event is inside the event window: add a tranche before it"), proposal.fact());
    }

    @Test
    void addsNothingForAnEventOneTradingDayPastTheWindow() {
        var outcome = f.eventInTradingDays(3).run();
        assertEquals(List.of(), proposals(outcome));
        assertFalse(fired(outcome).contains("Add a tranche ahead of a macro event"));
    }

    @Test
    void addsATrancheWhenSpxNearsABreakEven() {
        var outcome = f.nearPutBreakEven().run();
        var proposal = outcome.conclusionsOf(Proposal.class).findFirst().orElseThrow();
        assertEquals("Add a tranche when SPX nears a break-even", proposal.rule());
        assertEquals(Direction.ADD, proposal.fact().direction());
        assertEquals(1, proposal.fact().tranches());
        assertEquals(List.of("BREAKEVEN_PROXIMITY"), proposal.fact().signals());
    }

    @Test
    void addsNothingWhenSpxIsJustOutsideTheProximityBand() {
        var outcome = f.putCushionUsed(f.profile.number("proximityCushionUsedPct") - 0.01).run();
        assertEquals(List.of(), proposals(outcome));
        assertFalse(fired(outcome).contains("Add a tranche when SPX nears a break-even"));
    }

    @Test
    void addsATrancheWhenCostDragMeetsMomentumRollover() {
        var outcome = f.costsDrag().momentumRollsOver().run();
        var proposal = outcome.conclusionsOf(Proposal.class).findFirst().orElseThrow();
        assertEquals("Add a tranche when cost drag meets a stress signal", proposal.rule());
        assertEquals(new Proposal(Direction.ADD, 1, List.of("COST_DRAG", "MOMENTUM_ROLLOVER"),
                "Rebalancing costs already drag on the credit and MOMENTUM_ROLLOVER adds stress"), proposal.fact());
        assertEquals(1, proposals(outcome).size());
    }

    @Test
    void costDragUnderGammaStressAddsATranche() {
        var outcome = f.costsDrag().gammaStressed().run();
        assertEquals(List.of(new Proposal(Direction.ADD, 1, List.of("COST_DRAG", "GAMMA_STRESS"),
                "Rebalancing costs already drag on the credit and GAMMA_STRESS adds stress")), proposals(outcome));
    }

    @Test
    void costDragWithoutAStressSignalAddsNothing() {
        var outcome = f.costsDrag().run();
        assertTrue(Outcomes.signals(outcome).contains("COST_DRAG"));
        assertEquals(List.of(), proposals(outcome));
        assertEquals(List.of(new HoldNote("No signal calls for adding, removing or rolling a layer")), holds(outcome));
    }

    @Test
    void costDragWithComplacencyIsNotStress() {
        f.costsDrag();
        f.indicators = new Indicators(72.0, 30.0, 5.0, 4.0, 1.0, "NONE", false, 0.0);
        var outcome = f.run();
        assertEquals(List.of("COMPLACENCY", "COST_DRAG"), Outcomes.signals(outcome));
        assertEquals(List.of(), proposals(outcome));
    }

    @Test
    void addsTwoTranchesUnderSevereStress() {
        var outcome = f.curveInBackwardation().nearPutBreakEven().run();
        var severe = outcome.conclusionsOf(Proposal.class)
                .filter(p -> p.rule().equals("Add several tranches at once under severe stress")).toList();
        assertEquals(1, severe.size());
        assertEquals(new Proposal(Direction.ADD, 2, List.of("BACKWARDATION", "BREAKEVEN_PROXIMITY"),
                "Backwardation together with break-even proximity is severe stress: add 2 tranches at once"),
                severe.get(0).fact());
        assertEquals(f.profile.severeStressTranches(), severe.get(0).fact().tranches());
    }

    @Test
    void severeStressTakesItsTrancheCountFromTheProfile() {
        f.profile = RuleFixture.profileWith("balanced", "severeStressTranches", "3");
        var outcome = f.curveInBackwardation().nearPutBreakEven().run();
        var severe = outcome.conclusionsOf(Proposal.class)
                .filter(p -> p.rule().equals("Add several tranches at once under severe stress"))
                .findFirst().orElseThrow();
        assertEquals(3, severe.fact().tranches());
        assertTrue(severe.fact().text().endsWith("add 3 tranches at once"));
    }

    @Test
    void backwardationWithoutProximityIsNotSevereStressAndAddsNothing() {
        var outcome = f.curveInBackwardation().run();
        assertEquals(List.of("BACKWARDATION"), Outcomes.signals(outcome));
        assertEquals(List.of(), proposals(outcome));
        assertFalse(fired(outcome).contains("Add several tranches at once under severe stress"));
    }

    @Test
    void proximityWithoutBackwardationAddsOneTrancheOnly() {
        var outcome = f.nearPutBreakEven().run();
        assertEquals(List.of(1), proposals(outcome).stream().map(Proposal::tranches).toList());
    }

    @Test
    void removesALayerInACalmRegimeWithLayersOn() {
        var outcome = f.calmMarket().layer(1, SEP_VX, LONG_AGO, 47).run();
        var proposal = outcome.conclusionsOf(Proposal.class).findFirst().orElseThrow();
        assertEquals("Remove the newest layer in a calm regime", proposal.rule());
        assertEquals(new Proposal(Direction.REMOVE, 1, List.of("CALM_REGIME"),
                "The market is calm: take the newest layer off to stop paying carry"), proposal.fact());
        assertEquals(List.of(), holds(outcome));
    }

    @Test
    void removesNothingInACalmRegimeWithNoLayerOn() {
        var outcome = f.calmMarket().run();
        assertEquals(List.of("CALM_REGIME"), Outcomes.signals(outcome));
        assertEquals(List.of(), proposals(outcome));
        assertEquals(1, holds(outcome).size());
    }

    @Test
    void rollsALayerExactlyAtTheRollWindow() {
        int window = f.profile.rollWindowDays();
        var outcome = f.layer(2, RuleFixture.AS_OF.plusDays(window), LONG_AGO, window).run();
        var roll = outcome.conclusionsOf(RollProposal.class).findFirst().orElseThrow();
        assertEquals("Roll a layer that nears its VX expiry", roll.rule());
        assertEquals(new RollProposal(2,
                "Layer 2 on the 2024-08-09 VX expires in 7 day(s), inside the 7-day roll window"), roll.fact());
        assertEquals(List.of(), holds(outcome));
    }

    @Test
    void doesNotRollALayerOneDayOutsideTheRollWindow() {
        int window = f.profile.rollWindowDays();
        var outcome = f.layer(2, RuleFixture.AS_OF.plusDays(window + 1L), LONG_AGO, window + 1).run();
        assertEquals(List.of(), rolls(outcome));
        assertEquals(1, holds(outcome).size());
    }

    @Test
    void rollsOnlyTheLayerInsideTheWindow() {
        var outcome = f.layer(1, RuleFixture.AS_OF.plusDays(5), LONG_AGO, 5)
                .layer(2, SEP_VX, LONG_AGO, 47).run();
        assertEquals(List.of(1), rolls(outcome).stream().map(RollProposal::tranche).toList());
    }

    @Test
    void holdsWhenNoRuleProposesAChange() {
        var outcome = f.layer(1, SEP_VX, LONG_AGO, 47).run();
        var hold = outcome.conclusionsOf(HoldNote.class).findFirst().orElseThrow();
        assertEquals("Hold when nothing calls for a change", hold.rule());
        assertEquals("No signal calls for adding, removing or rolling a layer", hold.fact().text());
    }

    @Test
    void doesNotHoldWhenAProposalIsDrawn() {
        var outcome = f.eventInTradingDays(1).run();
        assertEquals(1, proposals(outcome).size());
        assertEquals(List.of(), holds(outcome));
        assertFalse(fired(outcome).contains("Hold when nothing calls for a change"));
    }

    @Test
    void doesNotHoldEvenWhenTheOnlyProposalIsLaterBlockedByAGuard() {
        // The hold rule looks at proposals, not at what guards leave of them: the decision turns a blocked
        // proposal into HOLD itself, with the guard as its reason (see DecisionAssemblyTest).
        var outcome = f.eventInTradingDays(1).layer(1, SEP_VX, RuleFixture.AS_OF.minusDays(1), 47).run();
        assertEquals(1, Outcomes.limits(outcome).size());
        assertEquals(List.of(), holds(outcome));
    }
}
