package com.alvh.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.alvh.market.Metric;

class RuleSessionRunnerTest {

    private static CompiledRuleSet compile(String drl) {
        RuleSetCompiler.Result result = new RuleSetCompiler(RuleSessionRunnerTest.class.getClassLoader(), Clock.systemUTC())
                .compile(Map.of("test.drl", drl));
        assertTrue(result.valid(), () -> result.errors().toString());
        return result.ruleSet();
    }

    @Test
    void aRuleLoopStopsAtTheFiringLimitAndNamesTheRule() {
        CompiledRuleSet rules = compile("""
                package t;
                import com.alvh.market.Metric;
                rule "Echo every metric forever"
                when
                    $m : Metric()
                then
                    insert(new Metric($m.name(), $m.value() + 1));
                end
                """);
        var e = assertThrows(RuleEvaluationException.class,
                () -> RuleSessionRunner.run(rules, List.of(new Metric("peRatio", 20)), 500));
        assertEquals("Echo every metric forever", e.rule());
        assertTrue(e.getMessage().contains("firing limit of 500"), e.getMessage());
    }

    @Test
    void aRuleThatThrowsIsNamed() {
        CompiledRuleSet rules = compile("""
                package t;
                import com.alvh.market.Metric;
                rule "Divide by a zero metric"
                when
                    $m : Metric(value == 0)
                then
                    int broken = 1 / (int) $m.value();
                end
                """);
        var e = assertThrows(RuleEvaluationException.class,
                () -> RuleSessionRunner.run(rules, List.of(new Metric("zero", 0)), 500));
        assertEquals("Divide by a zero metric", e.rule());
        assertTrue(e.getMessage().contains("ArithmeticException"), e.getMessage());
    }

    @Test
    void theTrailSnapshotsMatchedFactsAndAttributesConclusions() {
        CompiledRuleSet rules = compile("""
                package t;
                import com.alvh.market.Metric;
                import com.alvh.hedge.Signal;
                rule "Flag a rich valuation"
                when
                    $m : Metric(name == "peRatio", value > 22)
                then
                    insert(new Signal("RICH", $m.value(), 22, "rich"));
                end
                """);
        RuleOutcome outcome = RuleSessionRunner.run(rules, List.of(new Metric("peRatio", 24.5), new Metric("pb", 30)), 500);
        assertEquals(1, outcome.firings().size());
        Firing firing = outcome.firings().get(0);
        assertEquals(1, firing.seq());
        assertEquals("test.drl", firing.ruleFile());
        assertEquals(new MatchedFact("Metric", Map.of("name", "peRatio", "value", 24.5)), firing.matched().get(0));
        assertEquals("Flag a rich valuation", outcome.conclusions().get(0).rule());
    }

    private static final String COUNTING = """
            package t;
            import com.alvh.market.Metric;
            import com.alvh.hedge.Signal;
            rule "Count the metrics"
            when
                accumulate(Metric(); $n : count())
            then
                insert(new Signal("COUNT", $n.doubleValue(), 0, "metrics"));
            end
            rule "Refuse a zero metric"
            when
                $m : Metric(value == 0)
            then
                int broken = 1 / (int) $m.value();
            end
            """;

    private static double count(RuleOutcome outcome) {
        return outcome.conclusionsOf(com.alvh.hedge.Signal.class).findFirst().orElseThrow().fact().value();
    }

    @Test
    void aReusedSessionStartsWithoutTheFactsOrTrailOfTheRunBefore() {
        CompiledRuleSet rules = compile(COUNTING);
        RuleOutcome first = RuleSessionRunner.run(rules, List.of(new Metric("a", 1), new Metric("b", 2), new Metric("c", 3)), 500);
        RuleOutcome second = RuleSessionRunner.run(rules, List.of(new Metric("d", 4)), 500);
        assertEquals(3.0, count(first));
        assertEquals(1.0, count(second));
        assertEquals(1, second.firings().size());
        assertEquals(1, second.firings().get(0).seq());
        assertEquals(1, second.conclusions().size());
    }

    @Test
    void aRunAfterAFailedOneAnswersAsIfItWereTheFirst() {
        CompiledRuleSet rules = compile(COUNTING);
        assertThrows(RuleEvaluationException.class,
                () -> RuleSessionRunner.run(rules, List.of(new Metric("x", 5), new Metric("zero", 0)), 500));
        RuleOutcome after = RuleSessionRunner.run(rules, List.of(new Metric("a", 1), new Metric("b", 2)), 500);
        assertEquals(2.0, count(after));
        assertEquals(List.of("Count the metrics"), after.firings().stream().map(Firing::rule).toList());
    }
}
