package com.alvh.rules;

import static com.alvh.rules.Outcomes.proposals;
import static com.alvh.rules.Outcomes.scales;
import static com.alvh.rules.Outcomes.signals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.alvh.hedge.Direction;
import com.alvh.hedge.Proposal;
import com.alvh.hedge.Signal;
import com.alvh.hedge.SizeScale;

/** The sizing rules scale tranches only when a tranche is about to be added, by the profile's factor. */
class SizingRulesTest {

    private final RuleFixture f = new RuleFixture();

    @Test
    void sizesTranchesUpByTheProximityScaleNearABreakEven() {
        var outcome = f.nearPutBreakEven().run();
        var scale = outcome.conclusionsOf(SizeScale.class).findFirst().orElseThrow();
        assertEquals("Size tranches up when SPX nears a break-even", scale.rule());
        assertEquals("sizing.drl", scale.ruleFile());
        assertEquals(f.profile.proximityScale(), scale.fact().factor());
        assertEquals(new SizeScale(1.5, "SPX is near a break-even: tranche size × 1.50"), scale.fact());
        assertEquals(1, scales(outcome).size());
    }

    @Test
    void proximityScaleFollowsTheProfile() {
        f.profile = RuleFixture.profileWith("balanced", "proximityScale", "1.2");
        var outcome = f.nearPutBreakEven().run();
        assertEquals(List.of(1.2), scales(outcome).stream().map(SizeScale::factor).toList());
    }

    @Test
    void noProximityScaleWhenTheAdditionHasAnotherCause() {
        var outcome = f.eventInTradingDays(1).run();
        assertEquals(List.of(Direction.ADD), proposals(outcome).stream().map(Proposal::direction).toList());
        assertEquals(List.of(), scales(outcome));
    }

    @Test
    void sizesTranchesUpByTheGammaScaleWhenAddingUnderGammaStress() {
        var outcome = f.gammaStressed().eventInTradingDays(1).run();
        var scale = outcome.conclusionsOf(SizeScale.class).findFirst().orElseThrow();
        assertEquals("Size tranches up under gamma stress", scale.rule());
        assertEquals(f.profile.gammaScale(), scale.fact().factor());
        assertEquals(new SizeScale(1.25, "Gamma is stressed: tranche size × 1.25"), scale.fact());
    }

    @Test
    void gammaStressAloneProposesNoAdditionAndScalesNothing() {
        var outcome = f.gammaStressed().run();
        assertEquals(List.of("GAMMA_STRESS"), signals(outcome));
        assertEquals(List.of(), proposals(outcome));
        assertEquals(List.of(), scales(outcome));
    }

    @Test
    void gammaStressScalesNothingWhenTheOnlyProposalIsARemoval() {
        f.layer(1, LocalDate.of(2024, 9, 18), RuleFixture.AS_OF.minusDays(40), 47).gammaStressed();
        // calm excludes gamma stress in the shipped signals, so the calm signal is handed in to reach this case
        f.given.add(new Signal("CALM_REGIME", 13.0, 16.0, "handed in"));
        var outcome = f.run();
        assertEquals(List.of(Direction.REMOVE), proposals(outcome).stream().map(Proposal::direction).toList());
        assertEquals(List.of(), scales(outcome));
    }

    @Test
    void bothScalesApplyWhenAddingNearABreakEvenUnderGammaStress() {
        var outcome = f.nearPutBreakEven().gammaStressed().run();
        assertEquals(List.of(1.5, 1.25), scales(outcome).stream().map(SizeScale::factor).toList());
        assertTrue(outcome.conclusionsOf(SizeScale.class).allMatch(s -> s.ruleFile().equals("sizing.drl")));
    }

    @Test
    void severeStressAddsTwoTranchesButScalesOnlyOnce() {
        var outcome = f.curveInBackwardation().nearPutBreakEven().run();
        assertEquals(2, proposals(outcome).size());
        assertEquals(List.of(1.5), scales(outcome).stream().map(SizeScale::factor).toList());
    }
}
