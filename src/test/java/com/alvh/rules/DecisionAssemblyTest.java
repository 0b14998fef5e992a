package com.alvh.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.alvh.engine.RuleInfo;
import com.alvh.hedge.ActionType;
import com.alvh.hedge.Decision;
import com.alvh.hedge.DecisionAssembler;
import com.alvh.hedge.Direction;
import com.alvh.hedge.HedgeAction;
import com.alvh.hedge.HedgeBook;
import com.alvh.hedge.Instrument;
import com.alvh.hedge.Layer;
import com.alvh.hedge.Limit;
import com.alvh.hedge.Proposal;
import com.alvh.hedge.Reason;
import com.alvh.hedge.RollProposal;
import com.alvh.hedge.RuleConclusions;
import com.alvh.hedge.Ruled;
import com.alvh.hedge.TrancheSizer;
import com.alvh.hedge.VxMaturity;

/**
 * From rule conclusions to actions: where tranches land, how guards cap them, which layer comes off, what a roll
 * costs, and how big a tranche is. The condor (short vega $4,200 per vol point) expires 2024-09-20, so the eligible
 * VX maturities start at the October expiry, the third listed maturity as of 2024-08-02.
 */
class DecisionAssemblyTest {

    private static final double CONDOR_VEGA = -4200;
    private static final LocalDate LONG_AGO = RuleFixture.AS_OF.minusDays(40);
    private static final LocalDate OCT = LocalDate.of(2024, 10, 16);
    private static final LocalDate NOV = LocalDate.of(2024, 11, 20);
    private static final LocalDate DEC = LocalDate.of(2024, 12, 18);
    private static final LocalDate JAN = LocalDate.of(2025, 1, 22);
    private static final List<VxMaturity> ELIGIBLE = List.of(new VxMaturity(OCT, 2, 17.8),
            new VxMaturity(NOV, 3, 18.3), new VxMaturity(DEC, 4, 18.6), new VxMaturity(JAN, 5, 18.9));
    private static final String SEVERE = "Add several tranches at once under severe stress";

    private final RuleFixture f = new RuleFixture();

    private Decision decide(RuleConclusions conclusions) {
        return DecisionAssembler.assemble(f.profile,
                new DecisionAssembler.Book(f.layers, f.book, CONDOR_VEGA, ELIGIBLE), conclusions);
    }

    private Decision decideFromRules() {
        return decide(Outcomes.conclusions(f.run()));
    }

    private static RuleConclusions proposing(int tranches, List<Ruled<Limit>> limits) {
        return new RuleConclusions(List.of(),
                List.of(new Ruled<>(new Proposal(Direction.ADD, tranches, List.of(), "add"), SEVERE)),
                limits, List.of(), List.of(), List.of());
    }

    private static List<Object> placement(Decision decision) {
        return decision.actions().stream().map(a -> (Object) List.of(a.type(), a.tranche(), a.expiry(),
                a.instrument(), a.contracts())).toList();
    }

    // Placement and guards

    @Test
    void trancheKLandsOnTheKthEligibleMaturity() {
        Decision decision = decide(proposing(2, List.of()));
        assertEquals(List.of(
                List.of(ActionType.ADD_LAYER, 1, OCT, "VXM", 18),
                List.of(ActionType.ADD_LAYER, 2, NOV, "VX", 2)), placement(decision));
        assertEquals(0.0, decision.hedgeRatioBefore());
        assertEquals(0.5, decision.hedgeRatioAfter());
    }

    @Test
    void twoTranchesOnTopOfOneLayerGoOnTheSecondAndThirdEligibleMaturities() {
        f.layer(1, OCT, LONG_AGO, 75);
        Decision decision = decide(proposing(2, List.of()));
        assertEquals(List.of(
                List.of(ActionType.ADD_LAYER, 2, NOV, "VX", 2),
                List.of(ActionType.ADD_LAYER, 3, DEC, "VXM", 23)), placement(decision));
        assertEquals(0.25, decision.hedgeRatioBefore());
        assertEquals(0.75, decision.hedgeRatioAfter());
    }

    @Test
    void aCapOfOneGrantsOneTrancheAndNamesTheGuard() {
        f.layer(1, OCT, LONG_AGO, 75).layer(2, NOV, LONG_AGO, 110).layer(3, DEC, LONG_AGO, 138)
                .curveInBackwardation().nearPutBreakEven();
        Decision decision = decideFromRules();
        // proximity scales the tranche by 1.5: 4200 / (1000 × 0.42) × 0.25 × 1.5 = 3.75 → 4 VX (within 10%)
        assertEquals(List.of(List.of(ActionType.ADD_LAYER, 4, JAN, "VX", 4)), placement(decision));
        List<Reason> reasons = decision.actions().get(0).reasons();
        assertTrue(reasons.contains(new Reason("Never hedge above the maximum ratio", null,
                "The hedge ratio 0.75 may not exceed the maximum 1.00: room for 1 tranche(s)")), reasons::toString);
        assertTrue(reasons.stream().anyMatch(r -> r.rule().equals(SEVERE) && "BACKWARDATION".equals(r.signal())));
        assertTrue(reasons.stream().anyMatch(r -> r.rule().equals("Size tranches up when SPX nears a break-even")));
        assertEquals(0.75, decision.hedgeRatioBefore());
        assertEquals(1.0, decision.hedgeRatioAfter());
    }

    @Test
    void uncappedProposalCarriesNoGuardReason() {
        Decision decision = decide(proposing(1, List.of()));
        assertEquals(List.of(new Reason(SEVERE, null, "add")), decision.actions().get(0).reasons());
    }

    @Test
    void aCapOfZeroHoldsAndNamesTheGuard() {
        f.layer(1, OCT, RuleFixture.AS_OF.minusDays(1), 75).eventInTradingDays(1);
        Decision decision = decideFromRules();
        assertEquals(List.of(HedgeAction.hold(List.of(new Reason("Wait out the cooldown before adding again", null,
                "The last layer was added 1 day(s) ago, inside the 3-day cooldown")))), decision.actions());
        assertEquals(0.25, decision.hedgeRatioBefore());
        assertEquals(0.25, decision.hedgeRatioAfter());
    }

    @Test
    void theTightestCapWins() {
        var limits = List.of(
                new Ruled<>(new Limit(Direction.ADD, 2, "room for 2"), "Never hedge above the maximum ratio"),
                new Ruled<>(new Limit(Direction.ADD, 1, "room for 1"), "Stay within the carry budget"));
        Decision decision = decide(proposing(3, limits));
        assertEquals(1, decision.actions().size());
        assertEquals(List.of(SEVERE, "Never hedge above the maximum ratio", "Stay within the carry budget"),
                decision.actions().get(0).reasons().stream().map(Reason::rule).toList());
    }

    @Test
    void quietMarketHoldsWithTheHoldRuleAsReason() {
        Decision decision = decideFromRules();
        assertEquals(List.of(HedgeAction.hold(List.of(new Reason("Hold when nothing calls for a change", null,
                "No signal calls for adding, removing or rolling a layer")))), decision.actions());
        assertEquals(0.0, decision.hedgeRatioAfter());
    }

    // Removal

    @Test
    void removesTheNewestLayerByOpeningDateNotByTrancheNumber() {
        f.layer(1, OCT, LocalDate.of(2024, 6, 3), 75)
                .layer(2, NOV, LocalDate.of(2024, 7, 1), 110)
                .layer(3, DEC, LocalDate.of(2024, 6, 17), 138)
                .calmMarket();
        Decision decision = decideFromRules();
        assertEquals(List.of(List.of(ActionType.REMOVE_LAYER, 2, NOV, "VX", 1)), placement(decision));
        Reason reason = decision.actions().get(0).reasons().get(0);
        assertEquals("Remove the newest layer in a calm regime", reason.rule());
        assertEquals("CALM_REGIME", reason.signal());
        assertTrue(reason.text().startsWith("The market is calm: take the newest layer off to stop paying carry. VIX 13.00"),
                reason.text());
        assertEquals(0.75, decision.hedgeRatioBefore());
        assertEquals(0.5, decision.hedgeRatioAfter());
    }

    @Test
    void aBlockedRemovalHoldsAndNamesTheGuard() {
        f.profile = RuleFixture.profileWith("conservative", "floorRatio", "0.25");
        f.layer(1, OCT, LONG_AGO, 75).calmMarket();
        Decision decision = decideFromRules();
        assertEquals(ActionType.HOLD, decision.actions().get(0).type());
        assertEquals(List.of("Never hedge below the floor ratio"),
                decision.actions().get(0).reasons().stream().map(Reason::rule).toList());
        assertEquals(0.25, decision.hedgeRatioAfter());
    }

    // Rolls

    @Test
    void rollsToTheNextEligibleMaturityAfterTheLayersExpiryWithItsCost() {
        LocalDate soon = RuleFixture.AS_OF.plusDays(5);
        f.layer(1, soon, LONG_AGO, 5);
        Decision decision = decideFromRules();
        HedgeAction roll = decision.actions().get(0);
        assertEquals(List.of(List.of(ActionType.ROLL_LAYER, 1, OCT, "VX", 1)), placement(decision));
        assertEquals(soon, roll.rollFrom());
        // (new price 17.8 − old mark 17.0) × 1000 × 1 contract
        assertEquals(800.0, roll.rollCost(), 1e-6);
        assertEquals("Roll a layer that nears its VX expiry", roll.reasons().get(0).rule());
        assertEquals(0.25, decision.hedgeRatioBefore());
        assertEquals(0.25, decision.hedgeRatioAfter());
    }

    @Test
    void rollFromAnEligibleMaturityGoesToTheNextOneAndCostsByContracts() {
        Layer layer = new Layer(1, "VX", OCT, 3, 16.0, LONG_AGO, 75, 2, 17.1, 3300.0);
        f.layers.add(layer);
        f.book = new HedgeBook(0.25, 1, 40, HedgeBook.NEVER, 0, 0, 0);
        Decision decision = decide(new RuleConclusions(List.of(), List.of(), List.of(), List.of(),
                List.of(new Ruled<>(new RollProposal(1, "roll"), "Roll a layer that nears its VX expiry")), List.of()));
        HedgeAction roll = decision.actions().get(0);
        assertEquals(NOV, roll.expiry());
        assertEquals(OCT, roll.rollFrom());
        assertEquals((18.3 - 17.1) * Instrument.VX.multiplier() * 3, roll.rollCost(), 1e-6);
        assertEquals(3600.0, roll.rollCost(), 1e-6);
    }

    @Test
    void miniVxRollCostsAHundredDollarsPerPointPerContract() {
        f.layers.add(new Layer(1, "VXM", OCT, 18, 16.0, LONG_AGO, 75, 2, 17.1, 1980.0));
        f.book = new HedgeBook(0.25, 1, 40, HedgeBook.NEVER, 0, 0, 0);
        Decision decision = decide(new RuleConclusions(List.of(), List.of(), List.of(), List.of(),
                List.of(new Ruled<>(new RollProposal(1, "roll"), "Roll a layer that nears its VX expiry")), List.of()));
        assertEquals(2160.0, decision.actions().get(0).rollCost(), 1e-6);
    }

    @Test
    void rollCostIsUnknownWhenTheLayerHasNoMark() {
        f.layers.add(new Layer(1, "VX", OCT, 1, 16.0, LONG_AGO, 75, 2, null, 0.0));
        f.book = new HedgeBook(0.25, 1, 40, HedgeBook.NEVER, 0, 0, 0);
        Decision decision = decide(new RuleConclusions(List.of(), List.of(), List.of(), List.of(),
                List.of(new Ruled<>(new RollProposal(1, "roll"), "Roll a layer that nears its VX expiry")), List.of()));
        assertEquals(NOV, decision.actions().get(0).expiry());
        assertNull(decision.actions().get(0).rollCost());
    }

    // Reasons

    @Test
    void everyActionOfEveryScenarioHasAReasonNamingAShippedRule() {
        Set<String> ruleNames = RuleFixture.shippedRules().rules().stream().map(RuleInfo::name)
                .collect(Collectors.toSet());
        List<Decision> decisions = new ArrayList<>();
        decisions.add(scenario(s -> s));
        decisions.add(scenario(s -> s.breadthDiverges().curveSteepens()));
        decisions.add(scenario(s -> s.curveInBackwardation().nearPutBreakEven().gammaStressed()));
        decisions.add(scenario(s -> s.costsDrag().momentumRollsOver()));
        decisions.add(scenario(s -> s.layer(1, OCT, LONG_AGO, 75).calmMarket()));
        decisions.add(scenario(s -> s.layer(1, OCT, RuleFixture.AS_OF.minusDays(1), 75).calmMarket()));
        decisions.add(scenario(s -> s.layer(1, RuleFixture.AS_OF.plusDays(3), LONG_AGO, 3).eventInTradingDays(1)));
        decisions.add(scenario(s -> s.layer(1, OCT, LONG_AGO, 75).layer(2, NOV, LONG_AGO, 110)
                .layer(3, DEC, LONG_AGO, 138).layer(4, JAN, LONG_AGO, 173).eventInTradingDays(2)));
        int actions = 0;
        for (Decision decision : decisions) {
            for (HedgeAction action : decision.actions()) {
                actions++;
                assertFalse(action.reasons().isEmpty(), action::toString);
                assertTrue(action.reasons().stream().allMatch(r -> ruleNames.contains(r.rule())), action::toString);
            }
        }
        assertEquals(10, actions);
    }

    @Test
    void anAdditionWithNoEligibleMaturityHoldsWithAReason() {
        RuleFixture s = new RuleFixture().eventInTradingDays(1);
        Decision decision = DecisionAssembler.assemble(s.profile,
                new DecisionAssembler.Book(s.layers, s.book, CONDOR_VEGA, List.of()), Outcomes.conclusions(s.run()));
        assertEquals(ActionType.HOLD, decision.actions().get(0).type());
        assertFalse(decision.actions().get(0).reasons().isEmpty());
        assertTrue(decision.actions().get(0).reasons().get(0).text().startsWith("Not added: no VX maturity"));
    }

    private static Decision scenario(UnaryOperator<RuleFixture> setUp) {
        RuleFixture s = setUp.apply(new RuleFixture());
        return DecisionAssembler.assemble(s.profile, new DecisionAssembler.Book(s.layers, s.book, CONDOR_VEGA, ELIGIBLE),
                Outcomes.conclusions(s.run()));
    }

    // Tranche sizing

    @Test
    void sizesANonWholeVxTrancheInMiniVxWhenAllowed() {
        TrancheSizer.Size size = TrancheSizer.size(-4200, 0.6, 0.25, 1.0, true);
        assertEquals(1.75, size.targetVxContracts(), 1e-12);
        assertEquals(new TrancheSizer.Size(Instrument.VXM, 18, size.targetVxContracts()), size);
    }

    @Test
    void roundsToWholeVxWhenMiniVxIsNotAllowed() {
        TrancheSizer.Size size = TrancheSizer.size(4200, 0.6, 0.25, 1.0, false);
        assertEquals(Instrument.VX, size.instrument());
        assertEquals(2, size.contracts());
    }

    @Test
    void keepsWholeVxWhenTheTargetIsExact() {
        TrancheSizer.Size size = TrancheSizer.size(8000, 0.5, 0.25, 1.0, true);
        assertEquals(new TrancheSizer.Size(Instrument.VX, 4, 4.0), size);
    }

    @Test
    void keepsWholeVxWhenRoundingMissesByLessThanATenth() {
        // 4200 / (1000 × 0.52) × 0.25 = 2.019 VX: 2 VX miss it by 1%
        TrancheSizer.Size size = TrancheSizer.size(4200, 0.52, 0.25, 1.0, true);
        assertEquals(Instrument.VX, size.instrument());
        assertEquals(2, size.contracts());
    }

    @Test
    void scaleMultipliesTheTarget() {
        TrancheSizer.Size size = TrancheSizer.size(4200, 0.6, 0.25, 1.5, true);
        assertEquals(2.625, size.targetVxContracts(), 1e-12);
        // 3 VX would miss 2.625 by 14%: 26 Mini VX instead
        assertEquals(new TrancheSizer.Size(Instrument.VXM, 26, size.targetVxContracts()), size);
    }

    @Test
    void tradesAtLeastOneContract() {
        assertEquals(1, TrancheSizer.size(100, 0.6, 0.25, 1.0, false).contracts());
        TrancheSizer.Size mini = TrancheSizer.size(100, 0.6, 0.25, 1.0, true);
        assertEquals(Instrument.VXM, mini.instrument());
        assertEquals(1, mini.contracts());
    }
}
