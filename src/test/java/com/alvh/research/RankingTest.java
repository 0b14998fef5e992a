package com.alvh.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.alvh.backtest.Metrics;
import com.alvh.testing.ShippedRules;

class RankingTest {

    private static Metrics metrics(double pnl, double drawdown, double hedgeCost) {
        return new Metrics(pnl, 0, drawdown, 0, hedgeCost, 0, 0, 0, Map.of(), 0, 0);
    }

    /**
     * A 3×3 grid of (a, b) whose fit P&L is 100·a and drawdown 10·b + 10: return ÷ drawdown = 10a / (b + 1), largest at
     * a = 3, b = 0 (30), then a = 3, b = 1 and a = 2, b = 0 tie-broken by order... the test window is the reverse, and
     * must not change the order.
     */
    private static List<VariantResult> grid() {
        List<VariantResult> out = new ArrayList<>();
        int id = 0;
        for (int a = 1; a <= 3; a++) {
            for (int b = 0; b <= 2; b++) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("a", a);
                p.put("b", b);
                out.add(new VariantResult(id++, p, metrics(100 * a, 10 * b + 10, 5 * a + b), a - b,
                        metrics(-100 * a, 10, 0), 0));
            }
        }
        return out;
    }

    @Test
    void ranksByTheFitWindowWithTheKnownBestFirst() {
        List<Ranking.Ranked> ranked = Ranking.rank(grid(), Objective.RETURN_OVER_DRAWDOWN, List.of());
        assertEquals(Map.of("a", 3, "b", 0), ranked.get(0).variant().parameters());
        assertEquals(30.0, ranked.get(0).fitScore());
        assertEquals(-30.0, ranked.get(0).testScore(), "reported, not used to rank");
        assertEquals(Map.of("a", 1, "b", 2), ranked.get(8).variant().parameters(), "10/3 is the worst");
        for (int i = 1; i < ranked.size(); i++) {
            assertTrue(ranked.get(i - 1).fitScore() >= ranked.get(i).fitScore());
        }
    }

    @Test
    void smallerIsBetterForCostsAndConstraintsPutBreakersLast() {
        List<Ranking.Ranked> byCost = Ranking.rank(grid(), Objective.HEDGE_COST, List.of());
        assertEquals(Map.of("a", 1, "b", 0), byCost.get(0).variant().parameters(), "hedge cost 5 is the lowest");
        // Drawdown at most 20 leaves b = 0 and b = 1; among them return/drawdown picks a = 3, b = 0, and the last
        // feasible one is a = 1, b = 1 (100 / 20 = 5).
        List<Ranking.Ranked> bounded = Ranking.rank(grid(), Objective.RETURN_OVER_DRAWDOWN,
                List.of(Constraint.parse("maxDrawdown <= 20")));
        assertEquals(6, bounded.stream().filter(Ranking.Ranked::feasible).count());
        assertEquals(Map.of("a", 1, "b", 1), bounded.get(5).variant().parameters());
        assertFalse(bounded.get(6).feasible());
        assertEquals(Map.of("a", 3, "b", 2), bounded.get(6).variant().parameters(), "best of the infeasible");
    }

    @Test
    void aSweepFileExpandsItsGridAndVariantsAreValidProfiles() {
        SweepSpec spec = SweepSpec.of(new org.yaml.snakeyaml.Yaml().load("""
                profile: balanced
                parameters:
                  proximitySigma: [0.75, 1.5]
                  calmVixMax: {from: 14, to: 18, step: 2}
                fit: {from: 2005-06-01, to: 2014-12-31}
                test: {from: 2015-01-01, to: 2025-04-04}
                objective: sharpe
                constraints: ["maxDrawdown <= 300000"]
                """));
        assertEquals(6, spec.variants().size());
        assertEquals(Map.of("proximitySigma", 0.75, "calmVixMax", 14), spec.variants().get(0));
        assertEquals(Objective.SHARPE, spec.objective());
        var variant = SweepRunner.variantProfile(ShippedRules.BALANCED, spec.variants().get(5));
        assertEquals(1.5, variant.profile().proximitySigma());
        assertEquals(18.0, variant.profile().calmVixMax());
        assertEquals(ShippedRules.BALANCED.profile().cooldownDays(), variant.profile().cooldownDays());
    }

    @Test
    void aSweepMayVaryTheBaseProfilesOwnParametersAndListValues() {
        SweepSpec spec = SweepSpec.of(new org.yaml.snakeyaml.Yaml().load("""
                profile: balanced
                parameters:
                  addVixMax: [18, 30]
                  eventTypes: [[], [FOMC, CPI]]
                fit: {from: 2005-06-01, to: 2014-12-31}
                """));
        assertEquals(4, spec.variants().size());
        var variant = SweepRunner.variantProfile(ShippedRules.BALANCED, spec.variants().get(3));
        assertEquals(30.0, variant.profile().number("addVixMax"));
        assertEquals(List.of("FOMC", "CPI"), variant.profile().eventTypes());
        assertEquals(ShippedRules.BALANCED.profile().number("takeProfitPctOfCredit"),
                variant.profile().number("takeProfitPctOfCredit"), "the other declarations keep their defaults");
        var outOfRange = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SweepRunner.variantProfile(ShippedRules.BALANCED, Map.of("addVixMax", 500)));
        assertTrue(outOfRange.getMessage().contains("addVixMax"), outOfRange.getMessage());
        var unknown = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SweepRunner.variantProfile(ShippedRules.BALANCED, Map.of("noSuchThreshold", 1)));
        assertTrue(unknown.getMessage().contains("noSuchThreshold"), unknown.getMessage());
    }

    @Test
    void listValuesAreQuotedInTheResultsCsv() {
        assertEquals("\"[FOMC, CPI]\"", SweepTables.csvCell("[FOMC, CPI]"));
        assertEquals("[]", SweepTables.csvCell("[]"));
        assertEquals("\"a \"\"b\"\", c\"", SweepTables.csvCell("a \"b\", c"));
    }
}
