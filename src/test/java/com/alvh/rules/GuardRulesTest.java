package com.alvh.rules;

import static com.alvh.rules.Outcomes.fired;
import static com.alvh.rules.Outcomes.limits;
import static com.alvh.rules.Outcomes.proposals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.alvh.hedge.Direction;
import com.alvh.hedge.HedgeBook;
import com.alvh.hedge.Limit;
import com.alvh.hedge.Proposal;
import com.alvh.hedge.Signal;

/** Each guard of the shipped set: a scenario where it limits a proposal and a near miss where it does not. */
class GuardRulesTest {

    private static final LocalDate LONG_AGO = RuleFixture.AS_OF.minusDays(40);
    private static final LocalDate SEP_VX = LocalDate.of(2024, 9, 18);

    private final RuleFixture f = new RuleFixture();

    private RuleFixture layersOn(int count) {
        for (int t = 1; t <= count; t++) {
            f.layer(t, SEP_VX, LONG_AGO, 47);
        }
        return f;
    }

    private void bookWith(int daysSinceLastAdd, int daysSinceLastRemoval, double carryPctOfCredit) {
        HedgeBook b = f.book;
        f.book = new HedgeBook(b.ratio(), b.layerCount(), daysSinceLastAdd, daysSinceLastRemoval, b.monthlyCarry(),
                carryPctOfCredit, b.pnl());
    }

    // Never hedge above the maximum ratio

    @Test
    void capsSevereStressAtTheRoomLeftUnderTheMaximumRatio() {
        var outcome = layersOn(3).curveInBackwardation().nearPutBreakEven().run();
        var limit = outcome.conclusionsOf(Limit.class).findFirst().orElseThrow();
        assertEquals("Never hedge above the maximum ratio", limit.rule());
        assertEquals("guards.drl", limit.ruleFile());
        assertEquals(new Limit(Direction.ADD, 1,
                "The hedge ratio 0.75 may not exceed the maximum 1.00: room for 1 tranche(s)"), limit.fact());
        // only the two-tranche proposal overshoots; the one-tranche proposal lands exactly on the maximum
        assertEquals(1, limits(outcome).size());
    }

    @Test
    void blocksAnyAdditionAtTheMaximumRatio() {
        var outcome = layersOn(4).eventInTradingDays(1).run();
        assertEquals(List.of(new Limit(Direction.ADD, 0,
                "The hedge ratio 1.00 may not exceed the maximum 1.00: room for 0 tranche(s)")), limits(outcome));
    }

    @Test
    void maximumRatioNearMissWhenSevereStressLandsExactlyOnIt() {
        var outcome = layersOn(2).curveInBackwardation().nearPutBreakEven().run();
        assertEquals(2, proposals(outcome).stream().mapToInt(Proposal::tranches).max().orElseThrow());
        assertEquals(List.of(), limits(outcome));
    }

    // Never hedge below the floor ratio

    @Test
    void blocksRemovingTheLastLayerAboveTheConservativeFloor() {
        f.profile = RuleFixture.profileWith("conservative", "floorRatio", "0.25");
        var outcome = layersOn(1).calmMarket().run();
        var limit = outcome.conclusionsOf(Limit.class).findFirst().orElseThrow();
        assertEquals("Never hedge below the floor ratio", limit.rule());
        assertEquals(new Limit(Direction.REMOVE, 0,
                "Removing a tranche would take the hedge ratio 0.25 below the floor 0.25"), limit.fact());
        assertEquals(1, limits(outcome).size());
    }

    @Test
    void floorNearMissWhenRemovalLandsExactlyOnTheFloor() {
        f.profile = RuleFixture.profileWith("conservative", "floorRatio", "0.25");
        var outcome = layersOn(2).calmMarket().run();
        assertEquals(Direction.REMOVE, proposals(outcome).get(0).direction());
        assertEquals(List.of(), limits(outcome));
    }

    @Test
    void balancedFloorOfZeroLetsTheLastLayerGo() {
        var outcome = layersOn(1).calmMarket().run();
        assertEquals(Direction.REMOVE, proposals(outcome).get(0).direction());
        assertFalse(fired(outcome).contains("Never hedge below the floor ratio"));
    }

    // Wait out the cooldown before adding again

    @Test
    void blocksAddingOneDayInsideTheCooldown() {
        int cooldown = f.profile.cooldownDays();
        layersOn(1).eventInTradingDays(1);
        bookWith(cooldown - 1, HedgeBook.NEVER, 0);
        var outcome = f.run();
        var limit = outcome.conclusionsOf(Limit.class).findFirst().orElseThrow();
        assertEquals("Wait out the cooldown before adding again", limit.rule());
        assertEquals(new Limit(Direction.ADD, 0,
                "The last layer was added 2 day(s) ago, inside the 3-day cooldown"), limit.fact());
    }

    @Test
    void addsOnceTheCooldownHasPassed() {
        layersOn(1).eventInTradingDays(1);
        bookWith(f.profile.cooldownDays(), HedgeBook.NEVER, 0);
        assertEquals(List.of(), limits(f.run()));
    }

    @Test
    void addCooldownIgnoresARecentRemoval() {
        layersOn(1).eventInTradingDays(1);
        bookWith(HedgeBook.NEVER, 0, 0);
        assertEquals(List.of(), limits(f.run()));
    }

    @Test
    void addCooldownNearMissWithoutAnAddProposal() {
        layersOn(1);
        bookWith(0, HedgeBook.NEVER, 0);
        var outcome = f.run();
        assertEquals(List.of(), proposals(outcome));
        assertEquals(List.of(), limits(outcome));
    }

    // Wait out the cooldown before removing again

    @Test
    void blocksRemovingOneDayInsideTheCooldownAfterARemoval() {
        layersOn(2).calmMarket();
        bookWith(40, f.profile.cooldownDays() - 1, 0);
        var outcome = f.run();
        var limit = outcome.conclusionsOf(Limit.class).findFirst().orElseThrow();
        assertEquals("Wait out the cooldown before removing again", limit.rule());
        assertEquals(new Limit(Direction.REMOVE, 0,
                "The hedge last changed 2 day(s) ago, inside the 3-day cooldown"), limit.fact());
    }

    @Test
    void blocksRemovingRightAfterAnAddition() {
        layersOn(2).calmMarket();
        bookWith(1, HedgeBook.NEVER, 0);
        var outcome = f.run();
        assertEquals(List.of(new Limit(Direction.REMOVE, 0,
                "The hedge last changed 1 day(s) ago, inside the 3-day cooldown")), limits(outcome));
    }

    @Test
    void removesOnceBothCooldownsHavePassed() {
        layersOn(2).calmMarket();
        int cooldown = f.profile.cooldownDays();
        bookWith(cooldown, cooldown, 0);
        var outcome = f.run();
        assertEquals(Direction.REMOVE, proposals(outcome).get(0).direction());
        assertEquals(List.of(), limits(outcome));
    }

    // Never remove a layer inside an event window

    @Test
    void blocksARemovalInsideAnEventWindow() {
        // The shipped calm-regime signal already excludes event windows, so no shipped layering rule proposes a
        // removal inside one; the proposal is handed in to show the guard still holds should that change.
        layersOn(2).eventInTradingDays(2);
        f.given.add(new Proposal(Direction.REMOVE, 1, List.of("CALM_REGIME"), "handed in"));
        var outcome = f.run();
        var limit = outcome.conclusionsOf(Limit.class)
                .filter(l -> l.fact().direction() == Direction.REMOVE).findFirst().orElseThrow();
        assertEquals("Never remove a layer inside an event window unless banking a spike's gains", limit.rule());
        String eventText = outcome.conclusionsOf(Signal.class).findFirst().orElseThrow().fact().text();
        assertEquals(new Limit(Direction.REMOVE, 0, "No layer comes off inside an event window: " + eventText),
                limit.fact());
        assertEquals("CPI on 2024-08-06 is 2 trading day(s) away (window 2)", eventText);
    }

    @Test
    void eventWindowGuardNearMissOutsideTheWindow() {
        layersOn(2).eventInTradingDays(3);
        f.given.add(new Proposal(Direction.REMOVE, 1, List.of("CALM_REGIME"), "handed in"));
        var outcome = f.run();
        assertFalse(fired(outcome).contains("Never remove a layer inside an event window unless banking a spike's gains"));
        assertEquals(List.of(), limits(outcome));
    }

    @Test
    void noShippedRuleProposesARemovalInsideAnEventWindow() {
        var outcome = layersOn(2).calmMarket().eventInTradingDays(1).run();
        assertEquals(List.of(Direction.ADD), proposals(outcome).stream().map(Proposal::direction).toList());
    }

    // Stay within the carry budget

    @Test
    void blocksAddingWhenCarryIsOverBudget() {
        layersOn(1).eventInTradingDays(1);
        bookWith(40, HedgeBook.NEVER, 40.5);
        var outcome = f.run();
        var limit = outcome.conclusionsOf(Limit.class).findFirst().orElseThrow();
        assertEquals("Stay within the carry budget", limit.rule());
        assertEquals(new Limit(Direction.ADD, 0,
                "The hedge book already costs 40.5% of the credit a month in carry (budget 40.0%)"), limit.fact());
    }

    @Test
    void carryBudgetNearMissExactlyAtTheBudget() {
        layersOn(1).eventInTradingDays(1);
        bookWith(40, HedgeBook.NEVER, f.profile.carryBudgetPctOfCredit());
        assertEquals(List.of(), limits(f.run()));
    }

    @Test
    void carryBudgetDoesNotStopARemoval() {
        layersOn(2).calmMarket();
        bookWith(40, HedgeBook.NEVER, 90.0);
        var outcome = f.run();
        assertEquals(Direction.REMOVE, proposals(outcome).get(0).direction());
        assertEquals(List.of(), limits(outcome));
    }

    // Never add a layer once VIX is already high

    @Test
    void blocksAddingOnceVixIsAboveTheCeiling() {
        f.market = new com.alvh.market.MarketSnapshot(RuleFixture.AS_OF, 5346.56, f.profile.number("addVixMax") + 0.01);
        var outcome = f.nearPutBreakEven().run();
        var limit = outcome.conclusionsOf(Limit.class).findFirst().orElseThrow();
        assertEquals("Never add a layer once VIX is already high", limit.rule());
        assertEquals(Direction.ADD, limit.fact().direction());
        assertEquals(0, limit.fact().maxTranches());
    }

    @Test
    void vixCeilingNearMissAtTheCeiling() {
        f.market = new com.alvh.market.MarketSnapshot(RuleFixture.AS_OF, 5346.56, f.profile.number("addVixMax"));
        var outcome = f.nearPutBreakEven().run();
        assertEquals(List.of(Direction.ADD), proposals(outcome).stream().map(Proposal::direction).toList());
        assertEquals(List.of(), limits(outcome));
    }

    // Never add while banking a spike's gains

    @Test
    void blocksAddingWhileTheLayersAreBanked() {
        layersOn(1).nearPutBreakEven();
        f.book = new HedgeBook(0.25, 1, 40, HedgeBook.NEVER, 0, 0, f.position.creditDollars());
        var outcome = f.run();
        assertEquals(List.of("Never add while banking a spike's gains"), outcome.conclusionsOf(Limit.class)
                .map(l -> l.rule()).toList());
        assertEquals(List.of(Direction.ADD, Direction.REMOVE), proposals(outcome).stream().map(Proposal::direction).toList());
    }

    @Test
    void bankingGuardNearMissWhenTheLayersAreShortOfTheTakeProfit() {
        layersOn(1).nearPutBreakEven();
        f.book = new HedgeBook(0.25, 1, 40, HedgeBook.NEVER, 0, 0,
                f.position.creditDollars() * f.profile.number("takeProfitPctOfCredit") / 100 - 1);
        var outcome = f.run();
        assertFalse(fired(outcome).contains("Never add while banking a spike's gains"));
        assertEquals(List.of(Direction.ADD), proposals(outcome).stream().map(Proposal::direction).toList());
    }
}
