package com.alvh.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.alvh.engine.Firing;
import com.alvh.engine.RuleInfo;
import com.alvh.engine.RuleOutcome;
import com.alvh.hedge.HedgeBook;

/** The firing trail is reproducible and follows the salience bands: signals, layering, guards, sizing. */
class FiringOrderTest {

    private static final LocalDate LONG_AGO = RuleFixture.AS_OF.minusDays(40);

    /** Every stage busy at once: seven signals, four proposals and a roll, two guards, both sizing rules. */
    private static RuleFixture stressedBook() {
        RuleFixture f = new RuleFixture().breadthDiverges().curveSteepens().curveInBackwardation().nearPutBreakEven()
                .gammaStressed().costsDrag().eventInTradingDays(1)
                .layer(1, RuleFixture.AS_OF.plusDays(5), LONG_AGO, 5)
                .layer(2, LocalDate.of(2024, 10, 16), LONG_AGO, 75)
                .layer(3, LocalDate.of(2024, 11, 20), LONG_AGO, 110);
        HedgeBook b = f.book;
        f.book = new HedgeBook(b.ratio(), b.layerCount(), b.daysSinceLastAdd(), b.daysSinceLastRemoval(), 2500, 49.0, 0);
        return f;
    }

    @Test
    void theSameInputYieldsTheSameFiringTrail() {
        RuleOutcome first = stressedBook().run();
        RuleOutcome second = stressedBook().run();
        assertEquals(first.firings(), second.firings());
        assertEquals(first.conclusions().stream().map(Object::toString).toList(),
                second.conclusions().stream().map(Object::toString).toList());
        assertTrue(first.firings().size() >= 15, () -> "only " + first.firings().size() + " firings");
    }

    @Test
    void signalsFireBeforeLayeringBeforeGuardsBeforeSizing() {
        List<Firing> trail = stressedBook().run().firings();
        List<String> files = new ArrayList<>();
        trail.forEach(firing -> {
            if (files.isEmpty() || !files.get(files.size() - 1).equals(firing.ruleFile())) {
                files.add(firing.ruleFile());
            }
        });
        assertEquals(List.of("signals.drl", "layering.drl", "guards.drl", "sizing.drl"), files);
    }

    @Test
    void theTrailNeverGoesUpInSalience() {
        Map<String, Integer> salience = RuleFixture.shippedRules().rules().stream()
                .collect(Collectors.toMap(RuleInfo::name, RuleInfo::salience));
        List<Firing> trail = stressedBook().run().firings();
        for (int i = 1; i < trail.size(); i++) {
            int before = salience.get(trail.get(i - 1).rule());
            int after = salience.get(trail.get(i).rule());
            assertTrue(after <= before, trail.get(i - 1).rule() + " (" + before + ") then " + trail.get(i).rule()
                    + " (" + after + ")");
        }
    }

    @Test
    void theStressedBookFiresTheExpectedRulesInOrder() {
        List<String> rules = Outcomes.fired(stressedBook().run());
        assertEquals(List.of(
                "Breadth diverges while SPX sits at its high",
                "The VX curve steepens",
                "The VX curve is in backwardation",
                "SPX has used up much of the put strike's cushion",
                "The condor's gamma is stressed",
                "A watched macro event falls inside the event window",
                "Rebalancing costs drag on the credit",
                "Add a tranche when breadth diverges on a steepening curve",
                "Add a tranche ahead of a macro event",
                "Add a tranche when SPX nears a break-even"), rules.subList(0, 10));
        assertTrue(rules.contains("Add several tranches at once under severe stress"));
        assertTrue(rules.contains("Roll a layer that nears its VX expiry"));
        assertTrue(rules.contains("Never hedge above the maximum ratio"));
        assertTrue(rules.contains("Stay within the carry budget"));
        assertEquals(List.of("Size tranches up when SPX nears a break-even", "Size tranches up under gamma stress"),
                rules.subList(rules.size() - 2, rules.size()));
    }

    @Test
    void eachFiringRecordsTheFactsItMatched() {
        Firing severe = stressedBook().run().firings().stream()
                .filter(f -> f.rule().equals("Add several tranches at once under severe stress")).findFirst().orElseThrow();
        assertEquals(List.of("Profile", "Signal", "Signal"), severe.matched().stream().map(m -> m.type()).toList());
        assertEquals(List.of("BACKWARDATION", "BREAKEVEN_PROXIMITY"),
                severe.matched().subList(1, 3).stream().map(m -> m.fields().get("name")).toList());
    }
}
